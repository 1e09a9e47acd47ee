/**
 * A service point's form, a few fields a screen: a new one walks through the five sections (名称和
 * 类型, 电话和地址, 办公时间, 可以办的事, 位置), a change edits one section and saves. Checked with
 * the API's own schema before it is sent; a problem the server finds goes back under its field.
 */
import { View } from '@tarojs/components';
import {
  SERVICE_POINT_KIND_ZH,
  SERVICE_TAG_ZH,
  SERVICE_TAGS,
  servicePointInputSchema,
  servicePointUpdateSchema,
  type ServicePointKind,
} from '@bangfu/shared';
import { useState } from 'react';
import { createServicePoint, updateServicePoint, type StaffServicePoint } from '../../api/servicePoints';
import { ChoiceField, MultiChoiceField } from '../../components/form/ChoiceField';
import { BackButton, FormActions, NextButton } from '../../components/form/FormButtons';
import { FormFailure } from '../../components/form/FormFailure';
import { KEYBOARD } from '../../components/form/keyboards';
import { TextField } from '../../components/form/TextField';
import { LocationPicker } from '../../components/LocationPicker';
import { COUNTY_TOWN } from '../../components/map/types';
import { useRegionChildren } from '../../hooks/useRegionChildren';
import { useSteppedForm } from '../../hooks/useSteppedForm';
import { VillageChoice } from '../VillageChoice';
import { HoursFields } from './HoursFields';
import {
  changeOf,
  draftOf,
  emptyDraft,
  inputOf,
  kindsFitting,
  kindsFor,
  ONE_STEP,
  regionAsked,
  SECTIONS,
  STEP_OF,
  type PointDraft,
  type SectionKey,
} from './pointDraft';

const kindOptions = (kinds: readonly ServicePointKind[]) => kinds.map((k) => ({ value: k, label: SERVICE_POINT_KIND_ZH[k] }));

/** The township a county officer puts a new station in. */
function TownshipChoice({
  county,
  value,
  onChange,
  error,
}: {
  county: string;
  value: string | undefined;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const { children, failure } = useRegionChildren(county);
  return (
    <ChoiceField
      label="哪个镇（苏木）的服务站？"
      error={error ?? failure}
      testId="point-township"
      options={children.map((t) => ({ value: t.code, label: t.name }))}
      value={value}
      onChange={onChange}
      columns="wrap"
      testIdPrefix="point-township-"
      group="乡镇"
    />
  );
}

export function PointForm({
  accountRegion,
  point,
  section,
  onSaved,
  onCancel,
}: {
  /** The officer's county, township or village. */
  accountRegion: string;
  /** The point changed; none for a new one. */
  point?: StaffServicePoint;
  /** The one section a change edits. */
  section?: SectionKey;
  onSaved: (point: StaffServicePoint) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<PointDraft>(() => (point ? draftOf(point) : emptyDraft()));
  const change = (fields: Partial<PointDraft>) => setDraft((before) => ({ ...before, ...fields }));
  const form = useSteppedForm(
    point ? servicePointUpdateSchema : servicePointInputSchema,
    () => (point ? changeOf(draft, point.version) : inputOf(draft)),
    point ? ONE_STEP : STEP_OF,
  );
  const { step, setStep, errors, failure, busy, next, save } = form;
  const shown: SectionKey = point && section ? section : SECTIONS[step - 1]!.key;
  const region = useRegionChildren(shown === 'place' ? draft.regionCode : undefined).region;
  const asked = draft.kind && !point ? regionAsked(draft.kind, accountRegion) : 'own';

  const submit = () =>
    save(async (body) => {
      // A change carries the version it was read at; a new point its region.
      const saved = 'version' in body ? await updateServicePoint(point!.pointId, body) : await createServicePoint(body);
      onSaved(saved.point);
    });
  const chooseKind = (kind: ServicePointKind) =>
    change(point ? { kind } : { kind, regionCode: regionAsked(kind, accountRegion) === 'own' ? accountRegion : undefined });

  return (
    <View className="bf-section" data-testid="point-form">
      <View className="bf-subtitle">{SECTIONS.find((s) => s.key === shown)!.title}</View>
      {point ? null : (
        <View className="bf-steps" data-testid="point-step">
          第 {step} 步，共 {SECTIONS.length} 步
        </View>
      )}
      {shown === 'what' ? (
        <>
          <ChoiceField
            label="是什么网点？"
            error={errors.kind}
            testId="point-kind"
            options={kindOptions(point ? kindsFitting(point.regionCode) : kindsFor(accountRegion))}
            value={draft.kind}
            onChange={chooseKind}
            columns={1}
            testIdPrefix="point-kind-"
            group="网点类型"
          />
          {asked === 'township' ? (
            <TownshipChoice
              county={accountRegion}
              value={draft.regionCode}
              onChange={(regionCode) => change({ regionCode })}
              error={errors.regionCode}
            />
          ) : null}
          {asked === 'village' ? (
            <VillageChoice
              question="哪个村（嘎查）的服务点？"
              testId="point"
              accountRegion={accountRegion}
              value={draft.regionCode}
              onChange={(regionCode) => change({ regionCode })}
              error={errors.regionCode}
            />
          ) : null}
          <TextField
            label="网点名称"
            hint="群众看到的名字"
            error={errors.name}
            value={draft.name}
            onChange={(name) => change({ name })}
            placeholder="例如：金山镇就业服务站"
            maxLength={40}
            testId="point-name"
          />
        </>
      ) : null}
      {shown === 'contact' ? (
        <>
          <TextField
            label="电话"
            hint="手机号，或带区号的座机，例如 0472-8121373"
            error={errors.phone}
            value={draft.phone}
            onChange={(phone) => change({ phone })}
            type={KEYBOARD.whole}
            maxLength={13}
            placeholder="例如：0472-8121373"
            testId="point-phone"
          />
          <TextField
            label="地址"
            hint="写清在哪条路、哪栋楼，群众好找"
            error={errors.address}
            value={draft.address}
            onChange={(address) => change({ address })}
            maxLength={100}
            placeholder="例如：金山镇人民政府一楼"
            testId="point-address"
          />
        </>
      ) : null}
      {shown === 'hours' ? (
        <HoursFields
          slots={draft.slots}
          note={draft.note}
          onSlots={(slots) => change({ slots })}
          onNote={(note) => change({ note })}
          error={errors.hours}
        />
      ) : null}
      {shown === 'services' ? (
        <MultiChoiceField
          label="在这里可以办什么？"
          error={errors.services}
          testId="point-services"
          options={SERVICE_TAGS.map((tag) => ({ value: tag, label: SERVICE_TAG_ZH[tag] }))}
          values={draft.services}
          onChange={(services) => change({ services })}
          columns={2}
          testIdPrefix="point-service-"
          group="可以办的事"
        />
      ) : null}
      {shown === 'place' ? (
        <LocationPicker
          value={draft.location}
          around={region?.center ?? COUNTY_TOWN}
          onChange={(location, address) => change(address && !draft.address.trim() ? { location, address } : { location })}
          error={errors.location}
          place="服务网点"
        />
      ) : null}
      <FormFailure failure={failure} testId="point-failure" />
      {point || step === SECTIONS.length ? (
        <FormActions
          busy={busy}
          onSubmit={submit}
          submit={point ? '保存' : '保存网点'}
          submitTestId="point-save"
          onBack={point || step === 1 ? onCancel : () => setStep(step - 1)}
          back={point ? '不改了' : '上一步'}
          backTestId="point-back"
        />
      ) : (
        <>
          <NextButton onTap={() => next(step)} testId={`point-next-${step}`} />
          <BackButton onTap={step === 1 ? onCancel : () => setStep(step - 1)} testId="point-back">
            {step === 1 ? '不加了' : '上一步'}
          </BackButton>
        </>
      )}
    </View>
  );
}
