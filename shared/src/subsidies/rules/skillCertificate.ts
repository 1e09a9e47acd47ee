/**
 * 职业技能鉴定补贴. File 000 §二(五): "鼓励符合条件的脱贫人口和其他低收入群体积极考取职业技能
 * 证书和专项职业能力证书……对符合条件考取职业技能证书和专项职业能力证书的脱贫人口按规定给予
 * 职业技能鉴定补贴。"
 *
 * Who: 脱贫人口 (含防止返贫监测对象, file 000 §一) — the passage encourages other
 * low-income people to take certificates but pays the subsidy to 脱贫人口 only. One
 * outcome per certificate obtained by the period (职业技能等级证书 / 职业资格证书, or
 * 专项职业能力证书); the amount by kind is local (set by each region).
 */
import type { Outcome, Rule } from '../engine.js';
import type { SubsidyFacts } from '../facts.js';
import type { Reference } from '../parameters.js';
import { byEndOf, itemKey, POVERTY_ALLEVIATED, personIn } from './personFacts.js';
import { localStandard, notPaid } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

type Certificate = SubsidyFacts['certificates'][number];

const reference: Reference = cite('000', '二、(五)');
const KIND_ZH = { skill: '职业技能证书', specialAbility: '专项职业能力证书' } as const;
const PARAMETER_OF_KIND = {
  skill: 'skillCertificateSkillFen',
  specialAbility: 'skillCertificateSpecialAbilityFen',
} as const;

const item = (certificate: Certificate) => `${KIND_ZH[certificate.kind]}「${certificate.name}」`;
/** One claim per certificate: the day it was obtained and its name. */
export const certificateKey = (certificate: Pick<Certificate, 'obtainedOn' | 'name'>) =>
  itemKey('certificate', certificate.obtainedOn, certificate.name);

export const skillCertificate: Rule = {
  id: 'skill_certificate',
  beneficiary: 'worker',
  grants: [{ policy: '000', section: '二、(五)' }],
  parameters: {
    skillCertificateSkillFen: localStandard('职业技能鉴定补贴（职业技能证书）', 'fen', reference),
    skillCertificateSpecialAbilityFen: localStandard('职业技能鉴定补贴（专项职业能力证书）', 'fen', reference),
  },
  evaluate(ctx) {
    const certificates = ctx.facts.certificates;
    if (certificates.length === 0) {
      ctx.rule('没有取得证书的记录');
      return notPaid('certificate:none');
    }
    if (!personIn(ctx, POVERTY_ALLEVIATED, reference)) return certificates.map((c) => notPaid(certificateKey(c), item(c)));
    const amounts = new Map<Certificate['kind'], number | undefined>();
    const amountOf = (kind: Certificate['kind']) => {
      if (!amounts.has(kind)) amounts.set(kind, ctx.param(PARAMETER_OF_KIND[kind]));
      return amounts.get(kind);
    };
    return certificates.map((certificate): Outcome => {
      const periodKey = certificateKey(certificate);
      ctx.fact(`${item(certificate)}：${certificate.obtainedOn} 取得`, 'certificates', certificate.name);
      if (!byEndOf(ctx.period, certificate.obtainedOn)) {
        ctx.rule(`${item(certificate)}：取得证书以后才能申领`, reference);
        return notPaid(periodKey, item(certificate));
      }
      const amount = amountOf(certificate.kind);
      if (amount === undefined) {
        ctx.rule(`本地区${KIND_ZH[certificate.kind]}的鉴定补贴已停止执行`);
        return notPaid(periodKey, item(certificate));
      }
      return { eligible: true, amountFen: amount, periodKey, item: item(certificate) };
    });
  },
};
