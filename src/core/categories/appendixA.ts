// Appendix A of the standard (资料性): the industry categories a case is evaluated in (4.4 classified evaluation)
// and the sub-fields each lists. A register may hold the category's code (A.2), its name (战略性新兴产业), or a
// sub-field the appendix lists under it (集成电路 is A.1); all of them count under the category.

export type CategoryCode = 'A.1' | 'A.2' | 'A.3';

export interface Category {
  code: CategoryCode;
  name: string;
  /** Sub-fields in the appendix's order, each with the examples it gives in brackets. */
  fields: { name: string; examples: string[] }[];
}

export const APPENDIX_A: Category[] = [
  {
    code: 'A.1',
    name: '新兴支柱产业',
    fields: [
      {
        name: '集成电路',
        examples: ['芯片设计', '先进制程制造', '特色工艺芯片', '第三代半导体', '光刻机', '半导体材料', '先进封装测试'],
      },
      { name: '航空航天', examples: ['国产大飞机', '航空发动机', '商业航天', '低轨卫星', '北斗应用'] },
      { name: '低空经济', examples: ['通用航空', '无人机', '电动垂直起降飞行器', '低空基础设施'] },
      { name: '新型储能', examples: ['固态电池', '液流电池', '压缩空气储能', '飞轮储能', '抽水蓄能', '储能系统集成'] },
    ],
  },
  {
    code: 'A.2',
    name: '战略性新兴产业',
    fields: [
      {
        name: '新一代信息技术',
        examples: [
          '5G/5.5G 通信',
          '物联网',
          '智能传感器',
          '大数据',
          '云计算',
          '工业软件',
          '工业互联网平台',
          '数字孪生',
          '网络安全',
          '数据安全',
        ],
      },
      { name: '新能源', examples: ['高效光伏', '先进风电', '氢能', '生物质能', '地热能', '新型电力系统'] },
      { name: '新材料', examples: ['先进半导体材料', '高性能纤维及复合材料', '稀土功能材料', '电子化工材料'] },
      {
        name: '智能网联新能源汽车',
        examples: ['纯电动汽车', '燃料电池汽车', '动力电池', '车载芯片', '自动驾驶系统', '车路协同'],
      },
      { name: '机器人', examples: ['工业机器人', '服务机器人', '人形机器人', '特种机器人'] },
      { name: '生物医药', examples: ['创新化学药', '高端医疗器械', '细胞/基因治疗技术', '合成生物学', '中药现代化'] },
      { name: '高端装备', examples: ['智能制造装备', '工业母机', '先进轨道交通装备', '海洋工程装备', '精密仪器仪表'] },
      { name: '航空航天', examples: ['航天器', '卫星', '航空装备'] },
      { name: '人工智能', examples: ['通用人工智能', '多模态大模型', '计算机视觉', '智能体', '人工智能应用'] },
    ],
  },
  {
    code: 'A.3',
    name: '未来产业',
    fields: [
      { name: '量子科技', examples: ['量子计算', '量子通信', '量子精密测量', '量子材料'] },
      { name: '生物制造', examples: ['生物制药', '生物食品', '生物基化学品', '生物材料', '生物能源', '酶制剂'] },
      { name: '氢能和核聚变能', examples: ['绿氢制备与储运', '可控核聚变', '先进核反应堆'] },
      { name: '脑机接口', examples: ['脑机接口技术', '类脑芯片', '神经科学应用', '认知功能调控'] },
      { name: '具身智能', examples: ['核心零部件', 'AI 算法与模型', '人机协作', '机器人本体制造'] },
      { name: '第六代移动通信', examples: ['6G 核心技术', '太赫兹通信', '空天地一体化网络'] },
    ],
  },
];

export type CategoryReading =
  { code: CategoryCode } | { code: null; reason: 'unknown' | 'ambiguous'; candidates: CategoryCode[] };

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Every name a category goes by: its code, its name, its sub-fields and their examples. */
const NAMES = new Map<string, Set<CategoryCode>>();
for (const c of APPENDIX_A) {
  const add = (name: string): void => {
    const key = fold(name);
    if (!NAMES.has(key)) NAMES.set(key, new Set());
    NAMES.get(key)!.add(c.code);
  };
  add(c.code);
  add(c.name);
  add(`${c.code}${c.name}`);
  c.fields.forEach((f, i) => {
    add(f.name);
    add(`${c.code}.${i + 1}`);
    for (const e of f.examples) add(e);
  });
}

/**
 * The category a register's text names: "A.2", "A2", "战略性新兴产业", "A.1 集成电路", "集成电路", "A.1.1". A name the
 * appendix lists under two categories (航空航天 is both A.1 and A.2) needs its code; anything else is unknown.
 */
export function readCategory(text: string): CategoryReading {
  const t = fold(text).replace(/^a(\d)/, 'a.$1');
  const direct = NAMES.get(t);
  if (direct && direct.size === 1) return { code: [...direct][0] };
  // A code written before a name ("A.1 集成电路", "A.2-机器人"): the code decides, if the name agrees with it.
  const m = /^(a\.[123])(?:\.\d+)?[-—:：、，,()（）]*(.*)$/.exec(t);
  if (m) {
    const code = m[1].toUpperCase() as CategoryCode;
    const rest = m[2].replace(/[()（）]/g, '');
    const named = rest === '' ? null : NAMES.get(rest);
    if (rest === '' || !named || named.has(code)) return { code };
    return { code: null, reason: 'unknown', candidates: [...named] };
  }
  if (direct) return { code: null, reason: 'ambiguous', candidates: [...direct].sort() };
  return { code: null, reason: 'unknown', candidates: [] };
}

/** The category a case counts under, or null when its text names none (or more than one). */
export function categoryCode(text: string): CategoryCode | null {
  return readCategory(text).code;
}

/** A one-line explanation of why a category text is not one of Appendix A's, for a refusal or a finding. */
export function categoryProblem(text: string, lang: 'zh' | 'en' = 'zh'): string | null {
  const r = readCategory(text);
  if (r.code !== null) return null;
  if (r.reason === 'ambiguous')
    return lang === 'en'
      ? `the category "${text}" belongs to ${r.candidates.join(' and ')} in Appendix A; write the category code (such as ${r.candidates[0]} ${text})`
      : `产业类别“${text}”在附录 A 中属于 ${r.candidates.join(' 和 ')}，请写明类别编号（如 ${r.candidates[0]} ${text}）`;
  return lang === 'en'
    ? `the category "${text}" is not a category or sub-field of Appendix A (use A.1 新兴支柱产业, A.2 战略性新兴产业, A.3 未来产业, or a sub-field Appendix A lists, such as 集成电路)`
    : `产业类别“${text}”不是附录 A 中的类别或细分领域（可填 A.1 新兴支柱产业、A.2 战略性新兴产业、A.3 未来产业，或附录 A 所列的细分领域，如“集成电路”）`;
}
