/**
 * The policy documents the subsidy rules rest on, each written down once: its title in full and
 * the short one people read beside an amount, who issued it, its number and date where the copy
 * gives them, and where it holds (the region code of the people it governs). Rules cite a
 * document by its id and a section, so a reference is spelled one way everywhere.
 * The texts are in ../shared/policy/<id>_*.txt beside the repository.
 */
import type { Reference } from '../subsidies/parameters.js';

export interface PolicyDocument {
  /** What people read: short, with the issuer's place. */
  title: string;
  fullTitle: string;
  issuer: string;
  number?: string;
  /** The date it was issued (成文日期) or published, as the copy gives it. */
  date?: string;
  /** The region code whose people it governs: a province (2 digits), city (4) or county (6). */
  jurisdiction: string;
  /** The days it holds, as the document states them (both inclusive); no end where it states none. */
  inForce: { from: string; until?: string };
  /** Why these dates: the passage or the title that sets them. */
  inForceBasis: string;
}

export const POLICY_DOCUMENTS = {
  '000': {
    title: '内蒙古防止返贫就业攻坚行动通知',
    fullTitle: '内蒙古自治区关于开展防止返贫就业攻坚行动的通知',
    issuer: '内蒙古自治区人力资源和社会保障厅等',
    number: '内人社办发〔2023〕183号',
    date: '2023-10-26',
    jurisdiction: '15',
    inForce: { from: '2023-10-26' },
    inForceBasis: '成文日期 2023-10-26，公文时效：有效',
  },
  '001': {
    title: '沅江市就业扶贫工作要点',
    fullTitle: '2020年就业扶贫工作要点',
    issuer: '沅江市人力资源和社会保障局',
    number: '沅人社发〔2020〕24号',
    date: '2020-05-14',
    jurisdiction: '430981',
    inForce: { from: '2020-05-14', until: '2020-12-31' },
    inForceBasis: '2020年就业扶贫工作要点：一年的工作安排',
  },
  '002': {
    title: '内蒙古促进重点群体就业实施方案',
    fullTitle: '促进重点群体就业（2022—2025年）实施方案',
    issuer: '内蒙古自治区人力资源和社会保障厅',
    date: '2022-05-06',
    jurisdiction: '15',
    inForce: { from: '2022-05-06', until: '2025-12-31' },
    inForceBasis: '促进重点群体就业（2022—2025年）实施方案',
  },
  '003': {
    title: '江西就业帮扶实施意见',
    fullTitle: '关于加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见',
    issuer: '江西省人力资源和社会保障厅等',
    jurisdiction: '36',
    date: '2021-07-27',
    inForce: { from: '2021-07-27', until: '2025-12-31' },
    inForceBasis: '本文件自印发之日起实施，政策执行期限截止2025年12月31日',
  },
  '004': {
    title: '包头市农村牧区劳动力转移就业十项计划',
    fullTitle: '包头市促进农村牧区劳动力转移就业增收十项计划',
    issuer: '包头市人民政府办公室',
    jurisdiction: '1502',
    inForce: { from: '2023-01-01', until: '2023-12-31' },
    inForceBasis: '关于实施2023年促进农村牧区劳动力转移就业增收十项计划的通知：2023年的计划',
  },
} as const satisfies Record<string, PolicyDocument>;

export type PolicyDocumentId = keyof typeof POLICY_DOCUMENTS;

/** A rule's or parameter's reference: the document as people read it, and the section. */
export function cite(id: PolicyDocumentId, section: string): Reference {
  return { document: `${POLICY_DOCUMENTS[id].title}（文件 ${id}）`, section, policy: id };
}
