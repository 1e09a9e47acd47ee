/**
 * 岗位详情 (?positionId=): pay, form and season, hours, how far and a rough way there, the
 * employer with a call button, board and lodging, whom it suits, places left, last day;
 * a big 我要报名 (log in first; bind the registry record first; twice just says 已报名)
 * and sharing with family (WeChat's share; on H5 the link is copied).
 */
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { distanceKm, occupationName, type Application, type Position, type PositionDetail } from '@bangfu/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { applyTo, fetchMyApplicationFor, fetchPosition } from '../../../api/positions';
import { fetchMyWorker } from '../../../api/registry';
import { ActionButton } from '../../../components/ActionButton';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { NavButton } from '../../../components/NavButton';
import { logInAndReturn } from '../../../components/nav/navigate';
import { Notice, Page } from '../../../components/Page';
import { ReadAloud } from '../../../components/readAloud/ReadAloud';
import { useLoad } from '../../../hooks/useLoad';
import {
  APPLICATION_STATUS_ZH,
  EMPLOYER_KIND_ZH,
  INTENSITY_ZH,
  POSITION_FORM_ZH,
  PUBLIC_WELFARE_CATEGORY_ZH,
} from '../../../labels';
import {
  commuteText,
  dateText,
  distanceText,
  employerText,
  headcountLeftText,
  nearWord,
  payText,
  seasonText,
  suitsTags,
} from '../../../positionText';
import { useSession } from '../../../state/session';
import { chinaDate } from '../../../time';
import { fallbackCentre, recallCentre, type Centre } from '../../location';
import '../../worker.css';

/** Whether this account can apply: not logged in, not a worker, not bound yet, or ready (maybe applied already). */
type Standing =
  | { state: 'checking' }
  | { state: 'anonymous' }
  | { state: 'notWorker' }
  | { state: 'unbound' }
  | { state: 'worker'; application: Application | null };

/** Under the application's state: what happens next. */
const DONE_TEXT: Record<Application['status'], string> = {
  applied: '单位还没有回复。同意面谈的话，单位会打电话给您。',
  accepted: '单位同意和您面谈，请留意电话。',
  rejected: '可以在地图上再找找别的工作。',
  hired: '祝您工作顺利！',
};

function formText(position: Position): string {
  const form = POSITION_FORM_ZH[position.form];
  return position.form === 'seasonal' && position.seasonMonths?.length ? `${form}（${seasonText(position.seasonMonths)}）` : form;
}

function boardText(position: Position): string {
  return `${position.accommodation ? '包住' : '不包住'}，${position.meals ? '包吃' : '不包吃'}`;
}

function closedText(position: Position, today: string): string | null {
  if (position.status === 'draft') return '这个岗位还没有发布，现在不能报名。';
  if (position.status === 'closed') return '这个岗位已经停止招人了。';
  if (position.status === 'expired' || position.validUntil < today) return '这个岗位的招聘日期已经过了。';
  if (position.status === 'filled' || position.filled >= position.headcount) return '这个岗位已经招满了。';
  return null;
}

/** The page in sentences, for 朗读: what a person would read first, in that order. */
function spokenText(position: Position, km: number | undefined, from: string): string {
  return [
    position.title,
    payText(position.pay),
    employerText(position.employerName, position.employerKind),
    km !== undefined ? `离${from}${distanceText(km)}` : '',
    `工作地点：${position.address}`,
    `上班时间：${position.workHours || '单位没有写，请打电话问'}`,
    boardText(position),
    `${headcountLeftText(position)}，招到${dateText(position.validUntil)}`,
    position.description ?? '',
  ]
    .filter(Boolean)
    .join('。');
}

function Facts({ detail, centre }: { detail: PositionDetail; centre: Centre | null }) {
  const { position } = detail;
  const km = centre ? distanceKm(centre.point, position.location) : undefined;
  const from = centre ? (centre.source === 'device' ? '您现在的位置' : centre.label) : '';
  return (
    <View className="bf-section bf-facts">
      <CellGroup>
        <Cell title="工资" description={<Text data-testid="position-pay">{payText(position.pay)}</Text>} />
        <Cell title="形式" description={formText(position)} />
        <Cell title="工种" extra={occupationName(position.occupation) ?? position.occupation} />
        {position.publicWelfareCategory ? (
          <Cell title="公益岗位" extra={PUBLIC_WELFARE_CATEGORY_ZH[position.publicWelfareCategory]} />
        ) : null}
        <Cell title="上班时间" description={position.workHours || '单位没有写，请打电话问'} />
        <Cell title="体力" extra={INTENSITY_ZH[position.intensity]} />
        <Cell title="住和吃" description={boardText(position)} />
        {km !== undefined ? (
          <Cell
            title="有多远"
            description={
              <Text data-testid="position-distance">
                离{from} {distanceText(km)}，{commuteText(km)}
              </Text>
            }
          />
        ) : null}
        <Cell title="工作地点" description={position.address} />
        <Cell title="还招几人" description={`${headcountLeftText(position)}（共招 ${position.headcount} 人）`} />
        <Cell title="招到哪天" extra={dateText(position.validUntil)} />
      </CellGroup>
      {position.description ? <View className="bf-text bf-hint">{position.description}</View> : null}
      {position.requiredCertificates.length ? (
        <View className="bf-hint">需要的证书：{position.requiredCertificates.join('、')}</View>
      ) : null}
    </View>
  );
}

function EmployerBox({ detail }: { detail: PositionDetail }) {
  const { employer } = detail;
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: employer.contactPhone }).catch(() => undefined);
  };
  return (
    <View className="bf-section" data-testid="position-employer">
      <View className="bf-subtitle">用人单位</View>
      <View className="bf-text">
        <View className="bf-strong">{employer.name}</View>
        <View>{EMPLOYER_KIND_ZH[employer.kind]}</View>
        <View>{employer.address}</View>
        <View>联系人：{employer.contactName}</View>
        <View className="bf-phone">{employer.contactPhone}</View>
      </View>
      <Button size="large" block onClick={call} data-testid="position-call">
        打电话问问
      </Button>
    </View>
  );
}

function ApplyBox({
  position,
  standing,
  onApplied,
}: {
  position: Position;
  standing: Standing;
  onApplied: (a: Application) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const closed = closedText(position, chinaDate(new Date()));

  const apply = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { application, created } = await applyTo(position.positionId);
      onApplied(application);
      setMessage({
        tone: 'info',
        text: created ? '报名成功！单位看到后会打电话联系您，请留意电话。' : '您以前已经报过名了，不用再报。',
      });
    } catch (error) {
      setMessage({ tone: 'error', text: `没能报名：${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const note = message ? (
    <Notice tone={message.tone} testId="apply-message">
      {message.text}
    </Notice>
  ) : null;

  if (standing.state === 'checking') return <Notice>正在查看您能不能报名…</Notice>;
  if (standing.state === 'worker' && standing.application) {
    const { application } = standing;
    return (
      <View className="bf-section">
        {note}
        <View className="bf-done" data-testid="apply-done">
          <View className="bf-done__title">
            {application.status === 'applied' ? '已报名' : APPLICATION_STATUS_ZH[application.status]}
          </View>
          <View>{DONE_TEXT[application.status]}</View>
          {application.status === 'rejected' && application.reason ? <View>单位说：{application.reason}</View> : null}
        </View>
        <NavButton url="/worker/pages/applications/index" testId="apply-mine">
          看我报过名的工作
        </NavButton>
      </View>
    );
  }
  if (closed) return <Notice testId="apply-closed">{closed}</Notice>;
  if (standing.state === 'anonymous') {
    return (
      <View className="bf-section">
        <Notice>报名要先登录。登录以后会回到这个岗位。</Notice>
        <Button type="primary" size="large" block onClick={logInAndReturn} data-testid="apply-login">
          去登录
        </Button>
      </View>
    );
  }
  if (standing.state === 'notWorker') return <Notice>只有劳动者（求职的人）的账号能报名。</Notice>;
  if (standing.state === 'unbound') {
    return (
      <BindFirst testId="apply-unbound">
        报名前，请先在“我的信息”里绑定身份（填姓名和身份证号）。这样单位才知道是谁报的名，录用以后补贴也能算上。
      </BindFirst>
    );
  }
  return (
    <View className="bf-section">
      {note}
      <ActionButton busy={busy} onPress={apply} testId="apply">
        我要报名
      </ActionButton>
      <View className="bf-hint">报名以后，单位会看到您的姓名、年龄和技能，同意面谈后才看到您的电话。</View>
    </View>
  );
}

function ShareButton({ position }: { position: Position }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <NativeButton className="bf-native-button" openType="share" data-testid="position-share">
        分享给亲戚朋友
      </NativeButton>
    );
  }
  const copy = () => {
    const link = typeof window !== 'undefined' ? window.location.href : '';
    Taro.setClipboardData({ data: link || `/worker/pages/position/index?positionId=${position.positionId}` })
      .then(() => Taro.showToast({ title: '链接已复制', icon: 'success', duration: 1500 }))
      .catch(() => undefined);
  };
  return (
    <Button size="large" block onClick={copy} data-testid="position-share">
      复制链接，发给亲戚朋友
    </Button>
  );
}

function PositionView({ positionId }: { positionId: string }) {
  const { user } = useSession();
  const { load, retry } = useLoad(useCallback(() => fetchPosition(positionId), [positionId]));
  const [standing, setStanding] = useState<Standing>({ state: 'checking' });
  const [centre, setCentre] = useState<Centre | null>(recallCentre);

  const checkStanding = useCallback(async () => {
    if (!user) return setStanding({ state: 'anonymous' });
    if (user.role !== 'worker') return setStanding({ state: 'notWorker' });
    try {
      if (!(await fetchMyWorker())) return setStanding({ state: 'unbound' });
      setStanding({ state: 'worker', application: await fetchMyApplicationFor(positionId) });
    } catch (error) {
      if (isApiError(error) && error.status === 404) setStanding({ state: 'unbound' });
      else setStanding({ state: 'worker', application: null });
    }
  }, [user, positionId]);

  // Again whenever the page shows again: back from binding in 我的信息, the button is ready.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) checkStanding().catch(() => undefined);
    shownBefore.current = true;
  });
  useEffect(() => {
    checkStanding().catch(() => undefined);
  }, [checkStanding]);
  // Opened from a share or 我的报名: measure from the worker's village when there is one.
  useEffect(() => {
    if (centre) return;
    fallbackCentre(user)
      .then((c) => (c.source === 'village' ? setCentre(c) : undefined))
      .catch(() => undefined);
  }, [centre, user]);

  useShareAppMessage(() => {
    const position = load.state === 'ready' ? load.data.position : null;
    return {
      title: position ? `${position.title}，${payText(position.pay)}` : '帮扶就业：附近的工作',
      path: `/worker/pages/position/index?positionId=${encodeURIComponent(positionId)}`,
    };
  });

  return (
    <LoadView load={load} retry={retry} what="这个岗位">
      {(detail) => (
        <PositionDetailView
          detail={detail}
          centre={centre}
          standing={standing}
          onApplied={(application) => setStanding({ state: 'worker', application })}
        />
      )}
    </LoadView>
  );
}

function PositionDetailView({
  detail,
  centre,
  standing,
  onApplied,
}: {
  detail: PositionDetail;
  centre: Centre | null;
  standing: Standing;
  onApplied: (application: Application) => void;
}) {
  const { position } = detail;
  const km = centre ? distanceKm(centre.point, position.location) : undefined;
  return (
    <>
      <View className="bf-title" data-testid="position-title">
        {position.title}
      </View>
      <View className="bf-text">{employerText(position.employerName, position.employerKind)}</View>
      <View className="bf-pay">{payText(position.pay)}</View>
      <ReadAloud
        text={() => spokenText(position, km, centre?.source === 'device' ? '您现在的位置' : (centre?.label ?? ''))}
        testId="position-read-aloud"
      />
      <View className="bf-tags" data-testid="position-tags">
        {suitsTags(position, km, centre ? nearWord(centre.source) : null).map((tag) => (
          <Text key={tag} className="bf-chip bf-chip--strong">
            {tag}
          </Text>
        ))}
        <Text className="bf-chip">{headcountLeftText(position)}</Text>
      </View>
      <ApplyBox position={position} standing={standing} onApplied={onApplied} />
      <Facts detail={detail} centre={centre} />
      <EmployerBox detail={detail} />
      <View className="bf-section">
        <ShareButton position={position} />
      </View>
    </>
  );
}

export default function PositionPage() {
  const { params } = useRouter();
  const positionId = params.positionId ? decodeURIComponent(params.positionId) : '';
  return (
    <Page>
      {positionId ? (
        <PositionView positionId={positionId} />
      ) : (
        <Notice tone="error">没有指定是哪个岗位，请回到地图上点一个岗位。</Notice>
      )}
    </Page>
  );
}
