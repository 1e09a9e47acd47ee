/**
 * 读银行代发结果: the contractor picks the bank's answer to its 代发 of the month's wages and sees
 * what it says against the sheet — who was paid to their own card, what came back and why, whom it
 * does not list, whose card nobody could check, anything that does not match — and only then
 * records the payments in one tap; the same file, by its digest. While anything does not match
 * there is nothing to tap: the page says what to check with the bank.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, WAGE_FILE_MAX_BYTES } from '@bangfu/shared';
import { errorText } from '../../api/client';
import { readWageFile, type WageFileReading, type WageSheet } from '../../api/reliefWork';
import { ActionButton } from '../../components/ActionButton';
import { FileProblems } from '../../components/FileProblems';
import { Notice } from '../../components/Page';
import { useBankFileReading } from '../../hooks/useBankFileReading';

const sum = (rows: { payFen: number }[]) => rows.reduce((total, row) => total + row.payFen, 0);
const rows = (numbers: number[]) => `第 ${numbers.join('、')} 行`;

function Reading({ reading }: { reading: WageFileReading }) {
  const { paid, returned, unlisted, unchecked, problems } = reading;
  return (
    <>
      <Notice testId="wagefile-reading">
        <View className="bf-strong">
          银行说已发到本人卡上：{paid.length} 人，{formatYuan(sum(paid))}
        </View>
        {paid.map((p) => (
          <View key={p.workerId} className="bf-row__line" data-testid={`wagefile-paid-${p.row}`}>
            第 {p.row} 行 · {p.name} · {formatYuan(p.payFen)}
            {p.paidOn ? ` · ${p.paidOn}` : ''}
            {p.recorded ? '，已登记' : ''}
          </View>
        ))}
        {returned.length ? (
          <View data-testid="wagefile-returned">
            <View className="bf-strong">
              银行退回，还欠着的：{returned.length} 人，{formatYuan(sum(returned))}
            </View>
            {returned.map((r) => (
              <View key={r.row} className="bf-row__line">
                第 {r.row} 行 · {r.name} · {formatYuan(r.payFen)}：{r.reason}
              </View>
            ))}
          </View>
        ) : null}
        {unlisted.length ? (
          <View data-testid="wagefile-unlisted">文件里没有的：{rows(unlisted)}。这些人的工资还没有发，请和银行核对。</View>
        ) : null}
        {unchecked.length ? (
          <View data-testid="wagefile-unchecked">
            {rows(unchecked)}的人在村里还没有登记自己的卡，没法核对钱是不是发到了本人的卡上，请让他们到村里登记。
          </View>
        ) : null}
      </Notice>
      <FileProblems
        problems={problems}
        intro={`有 ${problems.count} 处和工资表对不上，一笔也不能登记。请和银行核对，或选这个月的代发结果：`}
        testId="wagefile-problems"
      />
    </>
  );
}

export function WageFileReader({
  projectId,
  month,
  onRecorded,
}: {
  projectId: string;
  month: string;
  onRecorded: (sheet: WageSheet) => void;
}) {
  const { state, setState, busy, setBusy, pick } = useBankFileReading(WAGE_FILE_MAX_BYTES, (file) =>
    readWageFile(projectId, month, file),
  );

  const record = async () => {
    if (state.step !== 'read') return;
    setBusy(true);
    try {
      const reading = await readWageFile(projectId, month, state.file, state.reading.digest);
      setState({ step: 'idle' });
      onRecorded(reading.sheet);
    } catch (error) {
      setState({ ...state, failure: errorText(error) });
    }
    setBusy(false);
  };

  return (
    <View className="bf-card" data-testid="wagefile">
      <View className="bf-card__title">读银行代发结果</View>
      {state.step === 'idle' ? (
        <>
          <View className="bf-hint">
            银行代发工资以后发回的结果（CSV 或 Excel
            表格），在电脑上发到自己的微信里，再在这里选。会核对每个人的钱是不是发到了本人登记的卡上；先给您看，点了登记才记下。
          </View>
          {state.failure ? (
            <Notice tone="error" testId="wagefile-failure">
              没能读：{state.failure}
            </Notice>
          ) : null}
          <ActionButton busy={busy} onPress={pick} testId="wagefile-pick">
            选代发结果文件
          </ActionButton>
        </>
      ) : (
        <>
          <View className="bf-row__line">{state.file.name}</View>
          <Reading reading={state.reading} />
          {state.failure ? (
            <Notice tone="error" testId="wagefile-failure">
              没能登记：{state.failure}
            </Notice>
          ) : null}
          {state.reading.problems.count === 0 && state.reading.toRecord > 0 ? (
            <ActionButton busy={busy} onPress={record} testId="wagefile-record">
              登记这 {state.reading.toRecord} 人已发放
            </ActionButton>
          ) : null}
          <Button size="large" block disabled={busy} onClick={() => setState({ step: 'idle' })} data-testid="wagefile-cancel">
            {state.reading.problems.count === 0 ? '不了，返回' : '重新选文件'}
          </Button>
        </>
      )}
    </View>
  );
}
