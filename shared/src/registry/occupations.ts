/**
 * The normalised occupation dictionary shared by the worker registry and the
 * positions: one stable code per occupation, its 《职业分类大典》 style name,
 * and the words people actually use for it (焊工 and 电焊工 are one skill).
 * Codes are ours and stable; add aliases freely, never reuse a code.
 */
export interface Occupation {
  code: string;
  name: string;
  aliases: readonly string[];
}

export const OCCUPATIONS: readonly Occupation[] = [
  { code: 'welder', name: '焊工', aliases: ['电焊工', '电焊', '气焊工', '氩弧焊工', '焊接工'] },
  { code: 'electrician', name: '电工', aliases: ['维修电工', '电气安装工', '水电工'] },
  { code: 'bricklayer', name: '砌筑工', aliases: ['瓦工', '泥瓦工', '砖瓦工', '泥工'] },
  { code: 'rebar_worker', name: '钢筋工', aliases: ['扎钢筋'] },
  { code: 'carpenter', name: '木工', aliases: ['木匠', '模板工'] },
  { code: 'scaffolder', name: '架子工', aliases: ['搭架子'] },
  { code: 'concrete_worker', name: '混凝土工', aliases: ['砼工'] },
  { code: 'painter', name: '油漆工', aliases: ['涂裱工', '刷漆工'] },
  { code: 'construction_labourer', name: '建筑普工', aliases: ['小工', '力工', '工地杂工'] },
  { code: 'assembly_worker', name: '装配工', aliases: ['电子装配工', '组装工'] },
  { code: 'factory_operator', name: '普工', aliases: ['操作工', '流水线工人', '生产线工人', '车间工人'] },
  { code: 'sewing_worker', name: '缝纫工', aliases: ['服装缝纫工', '车缝工', '裁缝'] },
  { code: 'cleaner', name: '保洁员', aliases: ['保洁', '清洁工', '乡村保洁员', '环卫工'] },
  { code: 'security_guard', name: '保安员', aliases: ['保安', '门卫'] },
  { code: 'housekeeper', name: '家政服务员', aliases: ['家政', '保姆'] },
  { code: 'maternity_nurse', name: '母婴护理员', aliases: ['月嫂', '育婴员'] },
  { code: 'elder_carer', name: '养老护理员', aliases: ['护工', '护理员'] },
  { code: 'cook', name: '中式烹调师', aliases: ['厨师', '厨子', '炒菜师傅'] },
  { code: 'pastry_cook', name: '中式面点师', aliases: ['面点师', '面点'] },
  { code: 'waiter', name: '餐厅服务员', aliases: ['服务员', '传菜员'] },
  { code: 'courier', name: '快递员', aliases: ['快递'] },
  { code: 'delivery_rider', name: '网约配送员', aliases: ['外卖员', '外卖骑手', '骑手'] },
  { code: 'truck_driver', name: '货车司机', aliases: ['大车司机', '货运司机', '驾驶员', '司机'] },
  { code: 'excavator_operator', name: '挖掘机司机', aliases: ['挖机司机', '挖掘机驾驶员', '挖机'] },
  { code: 'forklift_driver', name: '叉车司机', aliases: ['叉车工'] },
  { code: 'loader', name: '装卸搬运工', aliases: ['搬运工', '装卸工'] },
  { code: 'farm_machinery_operator', name: '农机驾驶操作员', aliases: ['农机手', '拖拉机手'] },
  { code: 'crop_grower', name: '农作物种植工', aliases: ['种植', '种地', '马铃薯种植'] },
  { code: 'livestock_keeper', name: '家畜饲养员', aliases: ['养殖工', '放羊', '养羊', '养牛', '饲养员'] },
  { code: 'greenhouse_grower', name: '蔬菜园艺工', aliases: ['大棚种植', '蔬菜种植'] },
  { code: 'landscaper', name: '绿化工', aliases: ['园林绿化工', '绿化'] },
  { code: 'forest_ranger', name: '护林员', aliases: ['生态护林员', '护林'] },
  { code: 'road_maintainer', name: '道路养护工', aliases: ['公路养护工', '养路工'] },
  { code: 'warehouse_keeper', name: '仓库管理员', aliases: ['库管', '仓管'] },
  { code: 'cashier', name: '收银员', aliases: ['收银'] },
  { code: 'salesperson', name: '营业员', aliases: ['销售员', '导购', '售货员'] },
  { code: 'hairdresser', name: '美发师', aliases: ['理发师', '理发'] },
  { code: 'food_processor', name: '农产品加工工', aliases: ['食品加工工', '杂粮加工', '肉类加工工'] },
  { code: 'handicraft_worker', name: '手工艺品制作工', aliases: ['手工编织', '刺绣', '民族手工艺'] },
];

const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const BY_WORD = new Map<string, string>();
for (const o of OCCUPATIONS) for (const word of [o.name, ...o.aliases]) BY_WORD.set(word, o.code);

/** The code for a name, alias or code as people write it (spaces and 师傅 ignored), or undefined. */
export function normaliseOccupation(text: string): string | undefined {
  const word = text.replace(/\s+/g, '').replace(/师傅$/, '');
  return BY_CODE.has(word) ? word : BY_WORD.get(word);
}

export function occupationName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}
