/**
 * 登记以工代赈项目, in three short steps: the project and where (and whether it is at or serves a
 * relocation site); its contractor and labour demand by trade (告知用工计划); its dates and the
 * county's wage standard. Checked with the API's own schema; a problem the server finds goes back
 * to the step of its field.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  RELOCATION_SITE_KIND_ZH,
  RELOCATION_SITE_KINDS,
  reliefProjectInputSchema,
  WAGE_UNIT_ZH,
  WAGE_UNITS,
  yuanToFen,
  type Employer,
  type User,
} from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../api/client';
import { createProject } from '../../../api/reliefWork';
import { fetchEmployers } from '../../../api/staffReview';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { DateField } from '../../../components/form/DateField';
import { BackButton, FormActions, NextButton } from '../../../components/form/FormButtons';
import { KEYBOARD } from '../../../components/form/keyboards';
import { TextField } from '../../../components/form/TextField';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useSteppedForm } from '../../../hooks/useSteppedForm';
import { chinaDate } from '../../../time';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { VillageChoice } from '../../VillageChoice';

const STEP_OF: Record<string, number> = {
  name: 1,
  ownerUnit: 1,
  villageCode: 1,
  relocationSite: 1,
  contractorEmployerId: 2,
  plannedJobs: 2,
  labourDemand: 2,
  sectorDepartment: 2,
  startsOn: 3,
  endsOn: 3,
  wageStandard: 3,
};

interface Draft {
  name: string;
  ownerUnit: string;
  villageCode?: string;
  relocationSite?: (typeof RELOCATION_SITE_KINDS)[number];
  contractorEmployerId?: string;
  plannedJobs: string;
  trades: { trade: string; count: string }[];
  sectorDepartment: string;
  startsOn: string;
  endsOn: string;
  wageUnit?: (typeof WAGE_UNITS)[number];
  wage: string;
}

const wholeOrNaN = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The verified 以工代赈 employers the officer may name as contractor (their region's). */
function useContractors(regionCode: string) {
  const [contractors, setContractors] = useState<Employer[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(async () => {
    const found: Employer[] = [];
    let cursor: string | undefined;
    do {
      const page = await fetchEmployers(regionCode, 'verified', cursor);
      found.push(...page.employers.filter((e) => e.kind === 'workForRelief'));
      cursor = page.nextCursor;
    } while (cursor);
    setContractors(found);
  }, [regionCode]);
  useEffect(() => {
    load().catch((e: unknown) => setFailure(errorText(e)));
  }, [load]);
  return { contractors, failure };
}

function NewProject({ regionCode }: { regionCode: string }) {
  const today = chinaDate(new Date());
  const [draft, setDraft] = useState<Draft>({
    name: '',
    ownerUnit: '',
    plannedJobs: '',
    trades: [{ trade: '普工', count: '' }],
    sectorDepartment: '',
    startsOn: today,
    endsOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
    wage: '',
  });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });
  const setTrade = (i: number, field: 'trade' | 'count', value: string) =>
    set('trades')(draft.trades.map((t, j) => (j === i ? { ...t, [field]: value } : t)));
  const { contractors, failure: contractorsFailure } = useContractors(regionCode);

  const body = () => ({
    name: draft.name,
    ownerUnit: draft.ownerUnit,
    contractorEmployerId: draft.contractorEmployerId,
    sectorDepartment: draft.sectorDepartment,
    villageCode: draft.villageCode,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    plannedJobs: wholeOrNaN(draft.plannedJobs),
    relocationSite: draft.relocationSite,
    wageStandard: { unit: draft.wageUnit, amountFen: yuanToFen(draft.wage) ?? Number.NaN },
    labourDemand: draft.trades.map((t) => ({ trade: t.trade, count: wholeOrNaN(t.count) })),
  });
  const { step, setStep, errors, failure, busy, next, save } = useSteppedForm(reliefProjectInputSchema, body, STEP_OF);
  const submit = () =>
    save(async (input) => {
      const { project } = await createProject(input);
      await Taro.redirectTo({ url: `/staff/pages/relief-project/index?projectId=${project.projectId}` });
    });

  return (
    <View className="bf-section" data-testid="project-form">
      <View className="bf-steps">第 {step} 步，共 3 步</View>
      {step === 1 ? (
        <>
          <TextField
            label="项目名称"
            error={errors.name}
            value={draft.name}
            onChange={set('name')}
            placeholder="例如：村道硬化工程"
            maxLength={60}
            testId="project-name"
          />
          <TextField
            label="业主单位"
            error={errors.ownerUnit}
            value={draft.ownerUnit}
            onChange={set('ownerUnit')}
            placeholder="例如：固阳县水利局"
            maxLength={60}
            testId="project-owner"
          />
          <VillageChoice
            question="项目在哪个村（嘎查）？"
            testId="project"
            accountRegion={regionCode}
            value={draft.villageCode}
            onChange={set('villageCode')}
            error={errors.villageCode}
          />
          <ChoiceField
            label="和易地搬迁安置区的关系"
            hint="在安置区或服务安置区的，至少 10% 的岗位安排搬迁群众"
            error={errors.relocationSite}
            testId="project-site"
            options={RELOCATION_SITE_KINDS.map((k) => ({ value: k, label: RELOCATION_SITE_KIND_ZH[k] }))}
            value={draft.relocationSite}
            onChange={set('relocationSite')}
            columns={1}
            testIdPrefix="project-site-"
            group="安置区"
          />
          <NextButton onTap={() => next(1)} testId="project-next-1" />
        </>
      ) : null}
      {step === 2 ? (
        <>
          {contractorsFailure ? <Notice tone="error">没能加载施工单位：{contractorsFailure}</Notice> : null}
          {contractors.length ? (
            <ChoiceField
              label="施工单位"
              error={errors.contractorEmployerId}
              testId="project-contractor"
              options={contractors.map((c) => ({ value: c.employerId, label: c.name }))}
              value={draft.contractorEmployerId}
              onChange={set('contractorEmployerId')}
              columns={1}
              testIdPrefix="project-contractor-"
              group="施工单位"
            />
          ) : (
            <Notice testId="project-no-contractor">
              本地区还没有审核通过的以工代赈施工单位，请施工单位先在小程序里登记单位信息。
            </Notice>
          )}
          <TextField
            label="计划用工几人"
            error={errors.plannedJobs}
            value={draft.plannedJobs}
            onChange={set('plannedJobs')}
            type={KEYBOARD.whole}
            placeholder="例如：20"
            unit="人"
            maxLength={4}
            testId="project-jobs"
          />
          {draft.trades.map((t, i) => (
            <View key={i} className="bf-card">
              <TextField
                label={`工种 ${i + 1}`}
                value={t.trade}
                onChange={(v) => setTrade(i, 'trade', v)}
                placeholder="例如：普工"
                maxLength={20}
                testId={`project-trade-${i}`}
              />
              <TextField
                label="要几人"
                value={t.count}
                onChange={(v) => setTrade(i, 'count', v)}
                type={KEYBOARD.whole}
                placeholder="例如：16"
                unit="人"
                maxLength={4}
                testId={`project-trade-count-${i}`}
              />
            </View>
          ))}
          {errors.labourDemand ? <Notice tone="error">{errors.labourDemand}</Notice> : null}
          {draft.trades.length < 20 ? (
            <Button
              size="large"
              block
              onClick={() => set('trades')([...draft.trades, { trade: '', count: '' }])}
              data-testid="project-add-trade"
            >
              再加一个工种
            </Button>
          ) : null}
          <TextField
            label="行业主管部门（工资发放台账报这里备案）"
            error={errors.sectorDepartment}
            value={draft.sectorDepartment}
            onChange={set('sectorDepartment')}
            placeholder="例如：固阳县发展和改革委员会"
            maxLength={40}
            testId="project-sector"
          />
          <NextButton onTap={() => next(2)} testId="project-next-2" />
          <BackButton onTap={() => setStep(1)} testId="project-back-2">
            上一步
          </BackButton>
        </>
      ) : null}
      {step === 3 ? (
        <>
          <DateField
            label="哪天开工？"
            value={draft.startsOn}
            onChange={set('startsOn')}
            error={errors.startsOn}
            testId="project-starts"
          />
          <DateField
            label="哪天完工？"
            value={draft.endsOn}
            onChange={set('endsOn')}
            error={errors.endsOn}
            testId="project-ends"
          />
          <ChoiceField
            label="劳务报酬标准按天还是按月？"
            error={errors.wageStandard}
            testId="project-wage-unit"
            options={WAGE_UNITS.map((u) => ({ value: u, label: WAGE_UNIT_ZH[u] }))}
            value={draft.wageUnit}
            onChange={set('wageUnit')}
            testIdPrefix="project-wage-unit-"
            group="劳务报酬标准"
          />
          <TextField
            label="劳务报酬标准"
            hint="旗县确定的标准，工资表不能低于它"
            value={draft.wage}
            onChange={set('wage')}
            type="digit"
            placeholder="例如：150"
            unit="元"
            maxLength={10}
            testId="project-wage"
          />
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <FormActions
            busy={busy}
            onSubmit={submit}
            submit="登记项目"
            submitTestId="project-save"
            onBack={() => setStep(2)}
            back="上一步"
          />
        </>
      ) : null}
    </View>
  );
}

function NewProjectFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  if (regionCode.length > 9) return <Notice>以工代赈项目由乡镇或旗县登记，村里请联系乡镇。</Notice>;
  return <NewProject regionCode={regionCode} />;
}

export default function NewReliefProjectPage() {
  return <RolePage title="登记以工代赈项目" roles={['staff', 'admin']} show={(user) => <NewProjectFor user={user} />} />;
}
