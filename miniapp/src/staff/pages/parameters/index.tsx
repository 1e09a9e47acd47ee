/**
 * 补贴标准: the subsidy standards in force today in the officer's region — each with today's
 * value and unit, since when, where it was set (本地区设定, or 沿用 the region above) and its
 * document; 演示数据 where the value is the demo's. And 政策文件: the documents that govern the
 * region, the standards it still owes, and (admins) recording a local document. Those the documents leave to
 * local governments the region's admin changes in two steps, 从哪天起 and 新标准 (a number,
 * or 停止执行), on the version read: if someone saved in between, nothing changes and the
 * page says so. The change is in force once another admin confirms it on its card (四眼). Those the documents fix can't be changed and say why. Staff only look.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { User } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../api/client';
import { fetchParameters, type ParameterView } from '../../../api/parameters';
import { fetchPolicies, type RegionPolicies } from '../../../api/policies';
import { Choices, type Option } from '../../../components/Choices';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { regionNames } from '../../../regionNames';
import { EditStandard } from './EditStandard';
import { PoliciesTab } from './PoliciesTab';
import { ProposedChange } from './ProposedChange';
import { RecordDocument } from './RecordDocument';
import { stepText, valueText, whereText } from './standardText';
import { fullDayText } from '../../../time';
import './parameters.css';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

// ---------------------------------------------------------------- one standard

function ParameterCard({
  parameter,
  regionCode,
  names,
  me,
  canEdit,
  onEdit,
  onConfirmed,
}: {
  parameter: ParameterView;
  regionCode: string;
  names: ReadonlyMap<string, string>;
  me: string;
  canEdit: boolean;
  onEdit: () => void;
  onConfirmed: (said: string) => void;
}) {
  const { key, today } = parameter;
  const example = today.status === 'value' && today.example;
  const setIn = today.status === 'missing' ? undefined : today.setIn;
  return (
    <View className="bf-card bf-standard" data-testid={`parameter-${key}`}>
      <View className="bf-standard__label">
        <Text>{parameter.label}</Text>
        {example ? (
          <Text className="bf-state bf-state--late" data-testid={`parameter-${key}-example`}>
            演示数据
          </Text>
        ) : null}
      </View>
      <View className="bf-standard__value" data-testid={`parameter-${key}-value`}>
        {today.status === 'value'
          ? valueText(parameter, today.value)
          : today.status === 'ended'
            ? '已停止执行'
            : '当地标准还没有公布'}
      </View>
      {today.status === 'value' ? (
        <View className="bf-row__line">
          {fullDayText(today.from)}起执行
          {today.until ? `，${fullDayText(today.until)}起换成新的标准` : ''}
        </View>
      ) : null}
      {today.status === 'ended' ? <View className="bf-row__line">{fullDayText(today.since)}起停止执行</View> : null}
      {setIn !== undefined ? (
        <View className="bf-row__line bf-strong" data-testid={`parameter-${key}-where`}>
          {whereText(setIn, regionCode, names)}
        </View>
      ) : null}
      {example ? (
        <View className="bf-row__line bf-row__month">这是演示数据，不是哪个政府定的标准。请按本地的文件记录实际的标准。</View>
      ) : null}
      {parameter.own && (parameter.own.steps.length > 1 || setIn !== regionCode) ? (
        <View className="bf-standard__own" data-testid={`parameter-${key}-own`}>
          <View className="bf-strong">本地区的设定</View>
          {parameter.own.steps.map((step) => (
            <View key={step.from} className="bf-row__line">
              · {stepText(parameter, step)}
            </View>
          ))}
        </View>
      ) : null}
      {parameter.proposal ? (
        <ProposedChange
          parameter={parameter}
          proposal={parameter.proposal}
          regionCode={regionCode}
          me={me}
          canConfirm={canEdit}
          onConfirmed={onConfirmed}
        />
      ) : null}
      <View className="bf-row__line bf-hint">
        依据：{parameter.reference.document} {parameter.reference.section}
      </View>
      {parameter.fixedByPolicy ? (
        <View className="bf-standard__fixed" data-testid={`parameter-${key}-fixed`}>
          按文件规定，本地不能修改
        </View>
      ) : canEdit ? (
        <Button size="large" block onClick={onEdit} data-testid={`parameter-${key}-edit`}>
          修改这个标准
        </Button>
      ) : null}
    </View>
  );
}

// ---------------------------------------------------------------- the page

type Tab = 'local' | 'fixed' | 'policies';

function Standards({ user, regionCode }: { user: User; regionCode: string }) {
  const canEdit = user.role === 'admin';
  const [parameters, setParameters] = useState<ParameterView[] | null>(null);
  const [policies, setPolicies] = useState<RegionPolicies | null>(null);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [tab, setTab] = useState<Tab>('local');
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [list, found] = await Promise.all([fetchParameters(regionCode), fetchPolicies(regionCode)]);
      setParameters(list);
      setPolicies(found);
      const codes = list.flatMap((p) => (p.today.status === 'missing' ? [] : [p.today.setIn]));
      regionNames([regionCode, ...codes])
        .then(setNames)
        .catch(() => undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [regionCode]);
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  if (error) {
    return (
      <View className="bf-section">
        <Notice tone="error">没能加载：{error}</Notice>
        <Button size="large" block onClick={() => load()} data-testid="parameters-reload">
          重新加载
        </Button>
      </View>
    );
  }
  if (!parameters || !policies) return <Notice>正在加载补贴标准…</Notice>;

  if (recording) {
    return (
      <RecordDocument
        regionCode={regionCode}
        policies={policies}
        standards={parameters.filter((p) => !p.fixedByPolicy)}
        onSaved={(said) => {
          setDone(said);
          setRecording(false);
          setTab('policies');
          load().catch(() => undefined);
        }}
        onCancel={() => setRecording(false)}
      />
    );
  }

  const editingParameter = parameters.find((p) => p.key === editing);
  if (editingParameter) {
    return (
      <EditStandard
        parameter={editingParameter}
        regionCode={regionCode}
        names={names}
        onSaved={(said) => {
          setDone(said);
          setEditing(null);
          load().catch(() => undefined);
        }}
        onCancel={() => setEditing(null)}
        onRefresh={() => {
          setEditing(null);
          setDone(null);
          load().catch(() => undefined);
        }}
      />
    );
  }

  const local = parameters.filter((p) => !p.fixedByPolicy);
  const fixed = parameters.filter((p) => p.fixedByPolicy);
  const examples = local.filter((p) => p.today.status === 'value' && p.today.example).length;
  const shown = tab === 'local' ? local : tab === 'fixed' ? fixed : [];
  const tabs: Option<Tab>[] = [
    { value: 'local', label: `本地可以定的（${local.length}）` },
    { value: 'fixed', label: `文件规定的（${fixed.length}）` },
    { value: 'policies', label: `政策文件（${policies.policies.length}）` },
  ];
  return (
    <View className="bf-section">
      <View className="bf-text">{names.get(regionCode) ?? user.regionName ?? regionCode}今天执行的补贴标准。</View>
      {canEdit ? (
        examples > 0 ? (
          <Notice testId="parameters-examples">有 {examples} 项是“演示数据”，请按本地的文件记录实际的标准。</Notice>
        ) : null
      ) : (
        <Notice testId="parameters-readonly">这里只能查看。标准由本地区的系统管理员修改。</Notice>
      )}
      {done ? <Notice testId="parameters-done">{done}</Notice> : null}
      <Choices options={tabs} value={tab} onChange={setTab} columns={1} testIdPrefix="parameters-tab-" label="哪一类标准" />
      {tab === 'policies' ? (
        <PoliciesTab
          policies={policies}
          regionCode={regionCode}
          me={user.userId}
          canRecord={canEdit}
          onRecord={() => {
            setDone(null);
            setRecording(true);
          }}
          onConfirmed={(said) => {
            setDone(said);
            load().catch(() => undefined);
          }}
        />
      ) : (
        <View className="bf-hint">
          {tab === 'local'
            ? '文件把这些标准交给各地定。本地区没有定的，沿用上级地区的。'
            : '这些标准是文件定死的，各地都一样，不能修改。'}
        </View>
      )}
      <View className="bf-cards">
        {shown.map((p) => (
          <ParameterCard
            key={p.key}
            parameter={p}
            regionCode={regionCode}
            names={names}
            me={user.userId}
            canEdit={canEdit}
            onEdit={() => {
              setDone(null);
              setEditing(p.key);
            }}
            onConfirmed={(said) => {
              setDone(said);
              load().catch(() => undefined);
            }}
          />
        ))}
      </View>
    </View>
  );
}

function Region({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <Standards user={user} regionCode={regionCode} />;
}

export default function ParametersPage() {
  return <RolePage title="补贴标准" roles={['staff', 'admin']} show={(user) => <Region user={user} />} />;
}
