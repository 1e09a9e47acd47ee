/**
 * 岗位和报名的人 (?positionId=): one of the employer's positions — its state, how many are
 * hired, 修改 / 发布 / 停止招聘, 推荐人选 (who else would suit it) — and everyone who applied:
 * age, sex, labour class, skills by name, certificates, distance from home, 帮扶对象, and the phone once accepted (never an
 * ID number). Accept for an interview, or reject with a reason the worker reads; 确认录用
 * records the hire (for piece pay, with the agreed monthly income).
 */
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Applicant, Position } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText, isApiError, type ListPage } from '../../../api/client';
import { closePosition, fetchApplicants, fetchPosition, publishPosition } from '../../../api/positions';
import { ActionButton } from '../../../components/ActionButton';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import { LoadView } from '../../../components/LoadView';
import { NextPage } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { POSITION_STATUS_ZH } from '../../../labels';
import { dateText, payText } from '../../../positionText';
import { POSITION_STATE_CLASS } from '../../parts';
import { ApplicantCard } from './ApplicantCard';
import '../../employer.css';

const SAVED_TEXT: Record<string, string> = {
  published: '已发布。审核通过的单位发布的岗位，求职的人马上就能在地图上看到。',
  draft: '已存为草稿。只有您看得到，想招人时点“发布”。',
  saved: '已保存修改。',
};
function PositionHead({ position, onChanged }: { position: Position; onChanged: (position: Position, message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const id = encodeURIComponent(position.positionId);

  const run = async (action: () => Promise<Position>, message: string) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await action(), message);
    } catch (error) {
      setFailure(
        isApiError(error) && error.code === 'VERSION_CONFLICT'
          ? '这个岗位刚刚有了变化（可能有人被录用了），已经重新读取，请再点一次。'
          : errorText(error),
      );
      if (isApiError(error) && error.code === 'VERSION_CONFLICT')
        onChanged((await fetchPosition(position.positionId)).position, '');
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '停止招聘？',
      content: '停止以后，求职的人就看不到这个岗位了。已经报名的人还在。',
      confirmText: '停止招聘',
      cancelText: '不停',
    });
    if (confirm) await run(() => closePosition(position.positionId, position.version), '已停止招聘。');
  };

  return (
    <View className="bf-section bf-position-head">
      <View className="bf-title" data-testid="manage-title">
        {position.title}
      </View>
      <View className="bf-row__line">
        <Text className={POSITION_STATE_CLASS[position.status]} data-testid="manage-status">
          {POSITION_STATUS_ZH[position.status]}
        </Text>
      </View>
      <View className="bf-pay" data-testid="manage-filled">
        已招 {position.filled} 人，共要 {position.headcount} 人
      </View>
      <View className="bf-text">
        <View>{payText(position.pay)}</View>
        <View>招到 {dateText(position.validUntil)}</View>
      </View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {position.status === 'draft' || position.status === 'closed' ? (
        <ActionButton
          busy={busy}
          onPress={() => run(() => publishPosition(position.positionId, position.version), '已发布。')}
          testId="manage-publish"
        >
          发布，开始招人
        </ActionButton>
      ) : null}
      <View className="bf-button-row">
        <NavButton url={`/employer/pages/edit/index?positionId=${id}`} block={false} disabled={busy} testId="manage-edit">
          修改岗位
        </NavButton>
        <NavButton url={`/worker/pages/position/index?positionId=${id}`} block={false} disabled={busy} testId="manage-preview">
          工人看到的样子
        </NavButton>
      </View>
      <NavButton url={`/employer/pages/candidates/index?positionId=${id}`} disabled={busy} testId="manage-candidates">
        推荐人选：看看谁适合这个岗位
      </NavButton>
      {position.status === 'open' ? (
        <Button size="large" block disabled={busy} onClick={() => void close()} data-testid="manage-close">
          停止招聘
        </Button>
      ) : null}
    </View>
  );
}
interface PositionApplicants {
  position: Position;
  /** The pages read so far, first come first. */
  applicants: ListPage<Applicant>;
}

function Manage({ positionId, saved }: { positionId: string; saved: string | undefined }) {
  // Loaded each time the page shows: back from 修改岗位, the position is current.
  const { load, retry, update } = useLoad(
    useCallback(async (): Promise<PositionApplicants> => {
      const [{ position }, applicants] = await Promise.all([fetchPosition(positionId), fetchApplicants(positionId)]);
      return { position, applicants };
    }, [positionId]),
  );
  const updateApplicants = useCallback(
    (change: (shown: ListPage<Applicant>) => ListPage<Applicant>) =>
      update((before) => ({ ...before, applicants: change(before.applicants) })),
    [update],
  );
  const loadMore = useLoadMore(
    useCallback((cursor: string) => fetchApplicants(positionId, cursor), [positionId]),
    updateApplicants,
  );
  return (
    <LoadView load={load} retry={retry} what="这个岗位">
      {(data) => <ManageView {...data} saved={saved} update={update} loadMore={loadMore} />}
    </LoadView>
  );
}

function ManageView({
  position,
  applicants,
  saved,
  update,
  loadMore,
}: PositionApplicants & {
  saved: string | undefined;
  update: (change: (data: PositionApplicants) => PositionApplicants) => void;
  loadMore: LoadMorePager;
}) {
  const [message, setMessage] = useState<string | null>(saved ? (SAVED_TEXT[saved] ?? null) : null);
  const setPosition = (next: Position) => update((before) => ({ ...before, position: next }));
  const { items, nextCursor } = applicants;
  const waiting = items.filter((a) => a.application.status === 'applied').length;
  // Counted over what is read so far, and said so until the last page is in.
  const count = nextCursor ? `先显示 ${items.length} 人` : String(items.length);

  return (
    <>
      {message ? <Notice testId="manage-message">{message}</Notice> : null}
      <PositionHead
        position={position}
        onChanged={(next, text) => {
          setPosition(next);
          setMessage(text || null);
        }}
      />
      <View className="bf-subtitle">报名的人（{count}）</View>
      {waiting ? (
        <View className="bf-text bf-strong">
          {nextCursor ? `下面有 ${waiting} 个人等您回复。` : `有 ${waiting} 个人等您回复。`}
        </View>
      ) : null}
      {items.length === 0 ? (
        <Notice testId="applicants-empty">还没有人报名。岗位发布以后，附近找工作的人就能看到并报名。</Notice>
      ) : (
        <View data-testid="applicants-list">
          {items.map((applicant) => (
            <ApplicantCard
              key={applicant.workerId}
              applicant={applicant}
              position={position}
              onPosition={setPosition}
              onApplicant={(next) =>
                update((before) => ({
                  ...before,
                  applicants: {
                    ...before.applicants,
                    items: before.applicants.items.map((a) => (a.workerId === next.workerId ? next : a)),
                  },
                }))
              }
            />
          ))}
        </View>
      )}
      <NextPage pager={loadMore} nextCursor={nextCursor} testId="applicants-more" />
    </>
  );
}

export default function ApplicantsPage() {
  const { params } = useRouter();
  const positionId = params.positionId ? decodeURIComponent(params.positionId) : '';
  return (
    <Page>
      <RoleGate roles={['employer']}>
        {() =>
          positionId ? (
            <Manage positionId={positionId} saved={params.saved} />
          ) : (
            <Notice tone="error">没有指定是哪个岗位，请从“我的岗位”里点开。</Notice>
          )
        }
      </RoleGate>
    </Page>
  );
}
