/**
 * A staff page about one month of its area: the month to look at (this one unless another is
 * picked from the six shown), and what the page reads for it — 正在统计 meanwhile, the failure
 * with 再试一次, then the page's own view of it.
 */
import { useState, type ReactNode } from 'react';
import { Choices, type Option } from '../components/Choices';
import { LoadView } from '../components/LoadView';
import { useLoad } from '../hooks/useLoad';
import { recentMonths } from './recentMonths';

interface MonthlyProps<T> {
  fetch: (month: string) => Promise<T>;
  /** `reload` reads the month again, keeping it shown meanwhile (after a change made on the page). */
  children: (data: T, month: string, months: Option<string>[], reload: () => Promise<void>) => ReactNode;
}

/** One month's read: a new one for each month picked, so a slow answer for the last month never shows as this one's. */
function OneMonth<T>({ month, months, fetch, children }: MonthlyProps<T> & { month: string; months: Option<string>[] }) {
  const { load, retry, reload } = useLoad(() => fetch(month));
  return (
    <LoadView load={load} retry={retry} loadingText="正在统计…">
      {(data) => children(data, month, months, reload)}
    </LoadView>
  );
}

export function MonthlyLoad<T>({ testIdPrefix, ...props }: MonthlyProps<T> & { testIdPrefix: string }) {
  const [months] = useState(() => recentMonths(new Date()));
  const [month, setMonth] = useState(months[0]!.value);
  return (
    <>
      <Choices options={months} value={month} onChange={setMonth} columns="wrap" testIdPrefix={testIdPrefix} label="看哪个月" />
      <OneMonth key={month} month={month} months={months} {...props} />
    </>
  );
}
