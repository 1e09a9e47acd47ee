/**
 * 单位和岗位审核: a township or county officer verifies the employers of their region
 * (only a verified employer's positions are on the job map), rejects with a note the
 * employer reads, and takes a bad position down with a reason.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Employer, Position, User, VerificationStatus } from '@bangfu/shared';
import { EMPLOYER_KIND_ZH, POSITION_STATUS_ZH, VERIFICATION_STATUS_ZH } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText } from '../../../api/client';
import { decideEmployer, fetchEmployers, fetchRegionPositions, takeDown } from '../../../api/staffReview';
import { ActionButton } from '../../../components/ActionButton';
import { Choices, type Option } from '../../../components/Choices';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { ReasonForm } from '../../../components/ReasonForm';
import { RolePage } from '../../../components/RoleGate';
import { StatusTabs } from '../../../components/StatusTabs';
import { usePagedList } from '../../../hooks/usePagedList';
import { optionsOf } from '../../../labels';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

type Section = 'employers' | 'positions';
const VIEWS: Option<Section>[] = [
  { value: 'employers', label: '审核用人单位' },
  { value: 'positions', label: '本地岗位' },
];
const STATUS_OPTIONS = optionsOf(VERIFICATION_STATUS_ZH);

function EmployerCard({ employer, onDecided }: { employer: Employer; onDecided: (next: Employer) => void }) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const decide = async (decision: 'verified' | 'rejected', note?: string) => {
    setBusy(true);
    setFailure(null);
    try {
      onDecided(await decideEmployer(employer, decision, note));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const { status, note } = employer.verification;
  return (
    <View className="bf-card" data-testid={`employer-${employer.employerId}`}>
      <View className="bf-card__title">
        <Text>{employer.name}</Text>
      </View>
      <View className="bf-row__line">
        {EMPLOYER_KIND_ZH[employer.kind]} · {VERIFICATION_STATUS_ZH[status]}
      </View>
      <View className="bf-row__line">{employer.address}</View>
      <View className="bf-row__line">
        联系人：{employer.contactName}{' '}
        <View
          className="bf-link"
          role="button"
          onClick={() => Taro.makePhoneCall({ phoneNumber: employer.contactPhone }).catch(() => undefined)}
        >
          {employer.contactPhone}
        </View>
      </View>
      {employer.description ? <View className="bf-row__line bf-row__month">{employer.description}</View> : null}
      {status === 'rejected' && note ? <View className="bf-row__line">不通过的原因：{note}</View> : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {rejecting ? (
        <ReasonForm
          label="为什么不通过？"
          hint="单位能看到这句话"
          confirm="确认不通过"
          testId={`reject-${employer.employerId}`}
          onDone={(reason) => decide('rejected', reason)}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <View className="bf-button-row">
          {status !== 'verified' ? (
            <ActionButton busy={busy} onPress={() => decide('verified')} testId={`verify-${employer.employerId}`}>
              通过
            </ActionButton>
          ) : null}
          {status !== 'rejected' ? (
            <Button
              size="large"
              block
              disabled={busy}
              onClick={() => setRejecting(true)}
              data-testid={`reject-${employer.employerId}`}
            >
              不通过
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

function Employers({ regionCode }: { regionCode: string }) {
  const [status, setStatus] = useState<VerificationStatus>('pending');
  const [done, setDone] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchEmployers(regionCode, status, cursor);
      return { items: page.employers, nextCursor: page.nextCursor };
    },
    [regionCode, status],
  );
  const { items: employers, nextCursor, loading, error, more, update } = usePagedList(fetchPage);

  return (
    <View>
      <StatusTabs tabs={STATUS_OPTIONS} value={status} onChange={setStatus} testIdPrefix="employers-status-" />
      {status === 'pending' ? <View className="bf-hint">单位通过审核后，它发布的岗位才会出现在求职岗位地图上。</View> : null}
      {done ? <Notice testId="employers-done">{done}</Notice> : null}
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && employers.length === 0 ? (
        <Notice testId="employers-empty">这里没有{VERIFICATION_STATUS_ZH[status]}的单位。</Notice>
      ) : null}
      <View className="bf-cards">
        {employers.map((employer) => (
          <EmployerCard
            key={employer.employerId}
            employer={employer}
            onDecided={(next) => {
              setDone(`${next.name}：${VERIFICATION_STATUS_ZH[next.verification.status]}`);
              update((before) => before.filter((e) => e.employerId !== next.employerId));
            }}
          />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="employers-more" />
    </View>
  );
}

function PositionCard({ position, onChanged }: { position: Position; onChanged: (next: Position) => void }) {
  const [takingDown, setTakingDown] = useState(false);
  return (
    <View className="bf-card" data-testid={`staff-position-${position.positionId}`}>
      <View className="bf-card__title">
        <Text>{position.title}</Text>
      </View>
      <View className="bf-row__line">{position.employerName}</View>
      <View className="bf-row__line">
        {POSITION_STATUS_ZH[position.status]} · 已招 {position.filled}/{position.headcount} 人
      </View>
      <View className="bf-row__line bf-row__month">{position.address}</View>
      {position.takenDown ? <View className="bf-row__line">已下架：{position.takenDown.reason}</View> : null}
      {position.takenDown ? null : takingDown ? (
        <ReasonForm
          label="为什么下架这个岗位？"
          hint="单位能看到这句话"
          confirm="确认下架"
          testId={`takedown-${position.positionId}`}
          onDone={async (reason) => onChanged(await takeDown(position, reason))}
          onCancel={() => setTakingDown(false)}
        />
      ) : (
        <Button size="large" block onClick={() => setTakingDown(true)} data-testid={`takedown-${position.positionId}`}>
          下架这个岗位
        </Button>
      )}
    </View>
  );
}

function Positions({ regionCode }: { regionCode: string }) {
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchRegionPositions(regionCode, cursor);
      return { items: page.positions, nextCursor: page.nextCursor };
    },
    [regionCode],
  );
  const { items: positions, nextCursor, loading, error, more, update } = usePagedList(fetchPage);
  return (
    <View>
      <View className="bf-hint">发现虚假或违规的招聘信息，可以下架，并写明原因。</View>
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      <View className="bf-cards">
        {positions.map((position) => (
          <PositionCard
            key={position.positionId}
            position={position}
            onChanged={(next) => update((before) => before.map((p) => (p.positionId === next.positionId ? next : p)))}
          />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="staff-positions-more" />
    </View>
  );
}

function Review({ user }: { user: User }) {
  const [view, setView] = useState<Section>('employers');
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return (
    <View className="bf-section">
      <View className="bf-text">{user.regionName ?? regionCode}</View>
      <Choices options={VIEWS} value={view} onChange={setView} columns={2} testIdPrefix="review-view-" label="看什么" />
      {view === 'employers' ? <Employers regionCode={regionCode} /> : <Positions regionCode={regionCode} />}
    </View>
  );
}

export default function EmployerReviewPage() {
  return <RolePage title="单位和岗位审核" roles={['staff', 'admin']} show={(user) => <Review user={user} />} />;
}
