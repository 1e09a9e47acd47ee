/** 我的报名: the jobs this worker applied for, newest first, with what the employer said. */
import { Text, View } from '@tarojs/components';
import { proxyText, type ApplicationStatus } from '@bangfu/shared';
import type { ListPage } from '../../../api/client';
import { fetchMyApplications, type MyApplication } from '../../../api/positions';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { NextPage } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { NavCard } from '../../../components/NavCard';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { APPLICATION_STATUS_ZH } from '../../../labels';
import { payText } from '../../../positionText';
import { dayText } from '../../../time';
import { openPosition } from '../../JobCard';
import '../../worker.css';

const STATE_CLASS: Record<ApplicationStatus, string> = {
  applied: 'bf-state bf-state--pending',
  accepted: 'bf-state bf-state--late',
  rejected: 'bf-state bf-state--pending',
  hired: 'bf-state bf-state--reported',
};

function ApplicationCard({ item }: { item: MyApplication }) {
  const { application, position } = item;
  return (
    <NavCard
      title={position.title}
      className="bf-application"
      onOpen={() => openPosition(position.positionId)}
      testId={`application-${position.positionId}`}
    >
      <View className="bf-row__line">{position.employerName}</View>
      <View className="bf-row__line bf-strong">{payText(position.pay)}</View>
      <View className="bf-row__line">
        <Text className={STATE_CLASS[application.status]} data-testid="application-status">
          {APPLICATION_STATUS_ZH[application.status]}
        </Text>
      </View>
      {application.status === 'rejected' && application.reason ? (
        <View className="bf-application__reason">单位说：{application.reason}</View>
      ) : null}
      <View className="bf-row__line bf-row__month">{dayText(application.appliedAt)}报的名</View>
      {application.proxy ? (
        <View className="bf-row__line bf-row__month" data-testid="application-proxy">
          {proxyText(application.proxy)}
        </View>
      ) : null}
    </NavCard>
  );
}

function MyApplications() {
  // Loaded each time the page shows: an employer may have answered meanwhile.
  const { load, retry, update } = useLoad(fetchMyApplications, { missingOn404: true }); // its first page
  const loadMore = useLoadMore(fetchMyApplications, update);
  return (
    <LoadView
      load={load}
      retry={retry}
      missing={<BindFirst>您还没有绑定身份，所以还不能报名。请先在“我的信息”里绑定。</BindFirst>}
    >
      {(page) => <ApplicationList page={page} loadMore={loadMore} />}
    </LoadView>
  );
}

function ApplicationList({ page, loadMore }: { page: ListPage<MyApplication>; loadMore: LoadMorePager }) {
  const { items: applications, nextCursor } = page;
  const findJobs = (
    <NavButton url="/worker/pages/jobs/index" primary testId="applications-find">
      去找工作
    </NavButton>
  );
  if (applications.length === 0) {
    return (
      <View className="bf-section">
        <Notice testId="applications-empty">您还没有报过名。在地图上找到合适的工作，点“我要报名”就行。</Notice>
        {findJobs}
      </View>
    );
  }
  return (
    <View className="bf-section">
      <View className="bf-cards" data-testid="applications-list">
        {applications.map((item) => (
          <ApplicationCard key={item.application.positionId} item={item} />
        ))}
      </View>
      <NextPage pager={loadMore} nextCursor={nextCursor} testId="applications-more" />
      {findJobs}
    </View>
  );
}

export default function ApplicationsPage() {
  return <RolePage title="我的报名" roles={['worker']} show={() => <MyApplications />} />;
}
