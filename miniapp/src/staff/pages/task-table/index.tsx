/**
 * 任务完成情况: the township task table of file 001's attachment, live, for county and township
 * staff — each township's shares, wage and counts against the year's targets, 达标 or 未达标; the
 * townships missing most first. The county's admin changes the year's targets here.
 */
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '@bangfu/shared';
import { fetchTaskTable, type TaskTable } from '../../../api/monitoring';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { monthText } from '../../../time';
import { MonthlyLoad } from '../../MonthlyLoad';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { EditTargets } from '../../taskTable/EditTargets';
import { TaskTableCard } from '../../taskTable/TaskTableCard';
import { shortCount, taskLines } from '../../taskTable/taskLineText';
import '../../areaCard.css';

/** The table covers a county or a township: a village officer's is their township's, which is not theirs to read. */
const tableRegion = (user: User) => {
  const code = staffRegion(user);
  return code && code.length <= 9 ? code : undefined;
};

function TableView({ user, month, table, reload }: { user: User; month: string; table: TaskTable; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const year = Number(month.slice(0, 4));
  const ranked = [...table.rows].sort(
    (a, b) => shortCount(taskLines(b)) - shortCount(taskLines(a)) || a.regionCode.localeCompare(b.regionCode),
  );
  const mayEdit = user.role === 'admin' && user.regionCode === table.countyCode;
  if (editing) {
    return (
      <EditTargets
        countyCode={table.countyCode}
        year={year}
        targets={table.targets}
        version={table.targetsVersion}
        townships={table.rows}
        onSaved={() => {
          setEditing(false);
          setSaved(true);
          void reload();
        }}
        onCancel={() => setEditing(false)}
        onRefresh={() => {
          setEditing(false);
          void reload();
        }}
      />
    );
  }
  return (
    <>
      {saved ? <Notice testId="targets-saved">{year} 年的目标已保存，表里已按新目标显示。</Notice> : null}
      <View className="bf-text" data-testid="task-table-targets-source">
        {table.targetsVersion === undefined
          ? `${year} 年按文件的目标（95%、60%、75%）；培训人数和车间、基地数目还没有定目标。`
          : `${year} 年按旗县定的目标。`}
      </View>
      {table.total ? (
        <TaskTableCard name={`全旗县 ${monthText(month)}`} row={table.total} total testId="task-table-total" />
      ) : null}
      {ranked.map((row) => (
        <TaskTableCard key={row.regionCode} name={row.name} row={row} testId={`task-table-${row.regionCode}`} />
      ))}
      {mayEdit ? (
        <Button size="large" block onClick={() => setEditing(true)} data-testid="targets-edit">
          修改 {year} 年的目标
        </Button>
      ) : null}
    </>
  );
}

function TaskTablePage({ user }: { user: User }) {
  const code = tableRegion(user);
  if (!staffRegion(user)) return <NoStaffRegion />;
  if (!code) return <Notice>任务完成情况按乡镇统计，请乡镇或旗县的工作人员查看。</Notice>;
  return (
    <View className="bf-section">
      <MonthlyLoad testIdPrefix="task-table-month-" fetch={(month) => fetchTaskTable(code, month)}>
        {(table, month, _months, reload) => <TableView user={user} month={month} table={table} reload={reload} />}
      </MonthlyLoad>
    </View>
  );
}

export default function TaskTable() {
  return <RolePage title="任务完成情况" roles={['staff', 'admin']} show={(user) => <TaskTablePage user={user} />} />;
}
