/**
 * 就业服务（311） on a worker's record: this year's job recommendations, career guidance
 * and training offers against the yearly goal of 3 / 1 / 1 — each red (with how many are
 * still missing) until met, then green and ticked, so it never rests on colour alone —
 * the services given, newest first, and a short form to record one more.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SERVICE_311, SERVICE_311_KINDS, type Service311Kind } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText, isApiError } from '../api/client';
import { fetchServices, recordService, type ServiceKind, type WorkerServices } from '../api/matching';
import { ActionButton } from '../components/ActionButton';
import { LoadMore } from '../components/LoadMore';
import type { Option } from '../components/Choices';
import { fieldMessage, fieldName } from '../components/Field';
import { ChoiceField } from '../components/form/ChoiceField';
import { FormActions } from '../components/form/FormButtons';
import { FormFailure } from '../components/form/FormFailure';
import { TextField } from '../components/form/TextField';
import { Notice } from '../components/Page';
import { usePagedList } from '../hooks/usePagedList';
import { chinaMonth, dayText } from '../time';
import './services.css';

const KINDS = SERVICE_311_KINDS;

/** What a service is, in words. */
export const SERVICE_KIND_ZH: Record<ServiceKind, string> = {
  jobRecommendation: '岗位推荐',
  careerGuidance: '职业指导',
  trainingOffer: '培训机会',
  policyExplained: '政策讲解',
  requestHandled: '诉求办理',
};

/** The form's choices, said as what the officer did. */
export const KIND_OPTIONS: Option<ServiceKind>[] = [
  { value: 'jobRecommendation', label: '推荐岗位' },
  { value: 'careerGuidance', label: '职业指导' },
  { value: 'trainingOffer', label: '培训机会' },
  { value: 'policyExplained', label: '讲解政策' },
  { value: 'requestHandled', label: '办理诉求' },
];

export const NOTE_HINT: Record<ServiceKind, string> = {
  jobRecommendation: '例如：推荐金山镇服装车间缝纫工，本人愿意去看看',
  careerGuidance: '例如：电话指导怎么找离家近的工作',
  trainingOffer: '例如：告诉本人县里下个月有免费的电焊培训',
  policyExplained: '例如：讲了一次性交通补助怎么领',
  requestHandled: '例如：帮本人查了上个月补贴没到账的原因',
};

/** This year's 311 counts against the goals, one row per kind. */
export function Goals({ counts }: { counts: Record<Service311Kind, number> }) {
  return (
    <View className="bf-goals" data-testid="services-counts">
      {KINDS.map((kind) => {
        const done = counts[kind];
        const goal = SERVICE_311[kind];
        const met = done >= goal;
        return (
          <View
            key={kind}
            className={met ? 'bf-goal bf-goal--met' : 'bf-goal bf-goal--short'}
            data-testid={`services-count-${kind}`}
            data-met={met ? 'yes' : 'no'}
          >
            <Text className="bf-goal__name">{SERVICE_KIND_ZH[kind]}</Text>
            <View className="bf-goal__right">
              <Text className="bf-goal__count" data-testid={`services-count-${kind}-value`}>
                {done}/{goal}
              </Text>
              <Text className="bf-goal__state">{met ? '✓ 已做够' : `还差 ${goal - done} 次`}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/**
 * The form recording one service: what was done and a line about it. `save` sends it (to the
 * worker's record, or to a scan); its test ids start with `testIdPrefix`. Without `onCancel`
 * there is no way back (the page has its own). A warning's task offers more than services
 * (`options`, `hints`).
 */
export function ServiceForm<K extends string = ServiceKind>({
  save: send,
  onSaved,
  onCancel,
  testIdPrefix = 'service',
  options = KIND_OPTIONS as Option<K>[],
  hints = NOTE_HINT as Record<K, string>,
  submit = '保存这次服务',
}: {
  save: (service: { kind: K; note: string }) => Promise<unknown>;
  onSaved: (kind: K) => void | Promise<void>;
  onCancel?: () => void;
  testIdPrefix?: string;
  options?: Option<K>[];
  hints?: Record<K, string>;
  submit?: string;
}) {
  const [kind, setKind] = useState<K | undefined>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; note?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const problems: { kind?: string; note?: string } = {};
    if (!kind) problems.kind = '请选一项做了什么服务';
    if (note.trim().length < 2) problems.note = '请写一句做了什么（至少 2 个字）';
    setErrors(problems);
    setFailure(null);
    if (!kind || problems.note) return;
    setBusy(true);
    try {
      await send({ kind, note: note.trim() });
      await onSaved(kind);
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'kind' || field === 'note') setErrors({ [field]: fieldMessage(errorText(error)) });
      else setFailure(`没能记录：${errorText(error)}`);
      setBusy(false);
    }
  };

  return (
    <View className="bf-filters" data-testid={`${testIdPrefix}-form`}>
      <ChoiceField
        label="做了什么服务？"
        error={errors.kind}
        testId={`${testIdPrefix}-kind`}
        options={options}
        value={kind}
        onChange={setKind}
        columns={1}
        testIdPrefix={`${testIdPrefix}-kind-`}
        group="服务类别"
      />
      <TextField
        label="简单写一句"
        hint={kind ? hints[kind] : '写做了什么、本人怎么说'}
        error={errors.note}
        value={note}
        onChange={setNote}
        maxLength={200}
        placeholder="至少 2 个字"
        testId={`${testIdPrefix}-note`}
      />
      <FormFailure failure={failure} testId={`${testIdPrefix}-failure`} />
      {onCancel ? (
        <FormActions
          busy={busy}
          onSubmit={save}
          submit={submit}
          submitTestId={`${testIdPrefix}-save`}
          onBack={onCancel}
          back="不记了"
          backTestId={`${testIdPrefix}-cancel`}
        />
      ) : (
        <ActionButton busy={busy} onPress={save} testId={`${testIdPrefix}-save`}>
          {submit}
        </ActionButton>
      )}
    </View>
  );
}

export function Services311({ workerId }: { workerId: string }) {
  const year = chinaMonth(new Date()).slice(0, 4);
  // The counts come with every page: the latest answer's are shown.
  const [counts, setCounts] = useState<WorkerServices['counts'] | null>(null);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<ServiceKind | null>(null);
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchServices(workerId, year, cursor);
      setCounts(page.counts);
      return { items: page.services, nextCursor: page.nextCursor };
    },
    [workerId, year],
  );
  const list = usePagedList(fetchPage);
  const services = list.items;
  const loadError = list.error && !counts ? list.error : null;

  return (
    <View className="bf-section" data-testid="services">
      <View className="bf-subtitle">就业服务（311）</View>
      <View className="bf-text">
        {year}年每人至少 {SERVICE_311.jobRecommendation} 次岗位推荐、{SERVICE_311.careerGuidance} 次职业指导、
        {SERVICE_311.trainingOffer} 次培训机会。
      </View>
      {loadError ? (
        <>
          <Notice tone="error">没能加载服务记录：{loadError}</Notice>
          <Button size="large" block onClick={list.reload} data-testid="services-reload">
            重新加载
          </Button>
        </>
      ) : null}
      {counts ? <Goals counts={counts} /> : null}

      {saved && !recording ? <Notice testId="service-saved">已记录：{SERVICE_KIND_ZH[saved]}</Notice> : null}
      {recording ? (
        <ServiceForm
          save={(service) => recordService(workerId, service)}
          onSaved={(kind) => {
            setRecording(false);
            setSaved(kind);
            list.reload();
          }}
          onCancel={() => setRecording(false)}
        />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            setSaved(null);
            setRecording(true);
          }}
          data-testid="service-start"
        >
          记录一次服务
        </Button>
      )}

      {counts && !list.loading && services.length === 0 ? <Notice testId="services-empty">今年还没有记录过服务。</Notice> : null}
      {services.length > 0 ? (
        <View className="bf-service-list" data-testid="services-list">
          {services.map((service) => (
            <View key={service.serviceId} className="bf-timeline__entry" data-testid={`service-${service.serviceId}`}>
              <View className="bf-card__title bf-timeline__head">
                <Text>{dayText(service.at)}</Text>
                <Text className="bf-tag">{SERVICE_KIND_ZH[service.kind]}</Text>
              </View>
              <View className="bf-service-note">{service.note}</View>
              {service.byOffice ? (
                // Given by an officer of another place who scanned the worker's code (a job fair in the county seat).
                <View className="bf-hint" data-testid={`service-by-${service.serviceId}`}>
                  {service.byOffice}扫码登记
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {list.error && counts ? <Notice tone="error">没能加载更多：{list.error}</Notice> : null}
      <LoadMore loading={list.loading} more={!!list.nextCursor} onMore={list.more} testId="services-more" />
    </View>
  );
}
