/**
 * One 预警任务: what happened and the figures behind it, the people it is about (to call), what
 * has been done, a short form to record one more thing done (a "311" service counts for each
 * person), and 办结 once something was done. A task already closed shows what was done. A task
 * about a payment batch (回盘未读) opens that batch.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PAID_BY_BATCH_FIGURE, TASK_ACTION_KINDS, TASK_ACTION_ZH, WARNING_CAUSE_ZH, type TaskActionKind } from '@bangfu/shared';
import { useEffect, useState } from 'react';
import { errorText } from '../../../api/client';
import { actOnTask, closeTask, fetchTask, type TaskDetail } from '../../../api/tasks';
import { ActionButton } from '../../../components/ActionButton';
import { LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { villageName, villageNames } from '../../../regionNames';
import { dayText, clockText } from '../../../time';
import { ServiceForm } from '../../Services311';
import { TaskPeople } from '../../tasks/TaskPeople';
import { deadlineText, LEVEL_ZH } from '../../tasks/taskText';
import '../../areaCard.css';

const ACTION_OPTIONS = TASK_ACTION_KINDS.map((kind) => ({ value: kind, label: TASK_ACTION_ZH[kind] }));
const ACTION_HINTS: Record<TaskActionKind, string> = {
  jobRecommendation: '例如：推荐了镇上帮扶车间的缝纫工，本人愿意去看看',
  careerGuidance: '例如：电话指导怎么找离家近的工作',
  trainingOffer: '例如：介绍了县里下个月的免费电焊培训',
  policyExplained: '例如：讲了公益性岗位和一次性交通补助',
  requestHandled: '例如：帮本人问清了工资拖欠的投诉渠道',
  publicWelfarePost: '例如：报名村里的保洁公益性岗位，等乡镇审核',
  referral: '例如：转给县人社局劳动监察大队',
  homeVisit: '例如：上门了解，家里老人生病，暂时走不开',
};

const openBatch = (batchId: string) => {
  Taro.navigateTo({ url: `/staff/pages/payment-batch/index?id=${batchId}` }).catch(() => undefined);
};

function Task({ detail: initial }: { detail: TaskDetail }) {
  const [detail, setDetail] = useState(initial);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { task, people } = detail;
  useEffect(() => {
    villageNames([initial.task.regionCode, ...initial.people.map((p) => p.villageCode)])
      .then(setNames)
      .catch(() => undefined);
  }, [initial]);
  const due = deadlineText(task.deadline);
  const paidBy =
    task.cause === 'subsidyNotReceived' ? task.figures.find((f) => f.label === PAID_BY_BATCH_FIGURE)?.value : undefined;
  const close = async () => {
    setClosing(true);
    setProblem(null);
    try {
      setDetail({ ...detail, task: (await closeTask(task.taskId)).task });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setClosing(false);
    }
  };

  return (
    <View className="bf-section">
      <View className="bf-cov bf-cov--total" data-testid="task-summary">
        <View className="bf-cov__name">{WARNING_CAUSE_ZH[task.cause]}</View>
        <View className="bf-text">{villageName(task.regionCode, names)}</View>
        <View className="bf-text" data-testid="task-text">
          {task.text}
        </View>
        {task.figures.map(({ label, value }) => (
          <View key={label} className="bf-cov__line">
            <View className="bf-cov__label">{label}</View>
            <View className="bf-cov__value">{value}</View>
          </View>
        ))}
        <View className="bf-cov__line">
          <View className="bf-cov__label">由谁办</View>
          <View className="bf-cov__value">{LEVEL_ZH[task.level]}</View>
        </View>
        <View className="bf-cov__line" data-testid="task-state">
          <View className="bf-cov__label">{task.status === 'open' ? '期限' : '状态'}</View>
          <View className="bf-cov__value">{task.status === 'open' ? due.text : '已办结'}</View>
        </View>
      </View>
      {task.cause === 'returnFileUnread' ? (
        // The task is about a batch (its subject): read its return file there, then say so here.
        <Button size="large" block onClick={() => openBatch(task.subject)} data-testid="task-open-batch">
          打开这一批，读银行回盘文件
        </Button>
      ) : null}
      {paidBy ? (
        // 没收到: the batch that paid it, where its row and the bank's return file say where the money went.
        <Button size="large" block onClick={() => openBatch(String(paidBy))} data-testid="task-open-batch">
          打开发放这笔钱的那一批
        </Button>
      ) : null}
      {people.length ? (
        <>
          <View className="bf-subtitle">涉及的人</View>
          <TaskPeople people={people} names={names} />
        </>
      ) : null}
      <View className="bf-subtitle">做了什么</View>
      {task.actions.length ? (
        <View data-testid="task-actions">
          {task.actions.map((action, i) => (
            <View key={`${action.at}-${i}`} className="bf-cov__line">
              <View className="bf-cov__label">
                {dayText(action.at)} {clockText(action.at)} {action.byOffice}
              </View>
              <View className="bf-cov__value">
                {TASK_ACTION_ZH[action.kind]}：{action.note}
              </View>
            </View>
          ))}
        </View>
      ) : (
        <Notice>还没有登记做了什么。</Notice>
      )}
      {task.status === 'open' ? (
        <>
          {/* A fresh form after each thing recorded (the form keeps nothing once saved). */}
          <ServiceForm<TaskActionKind>
            key={task.actions.length}
            save={async (action) => setDetail({ ...detail, task: (await actOnTask(task.taskId, action)).task })}
            onSaved={() => undefined}
            testIdPrefix="task-action"
            options={ACTION_OPTIONS}
            hints={ACTION_HINTS}
            submit="登记这件事"
          />
          {task.actions.length ? (
            <ActionButton busy={closing} onPress={close} testId="task-close">
              办结这个任务
            </ActionButton>
          ) : null}
          {problem ? <Notice tone="error">没能办结：{problem}</Notice> : null}
        </>
      ) : (
        <Notice testId="task-closed">这个任务已经办结。</Notice>
      )}
    </View>
  );
}

function TaskLoader() {
  const { params } = useRouter();
  const taskId = params.id ? decodeURIComponent(params.id) : '';
  const { load, retry } = useLoad(() => fetchTask(taskId));
  return (
    <LoadView load={load} retry={retry} what="任务">
      {(detail) => <Task detail={detail} />}
    </LoadView>
  );
}

export default function TaskPage() {
  return <RolePage title="预警任务" roles={['staff', 'admin']} show={() => <TaskLoader />} />;
}
