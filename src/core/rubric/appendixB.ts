import type { Band, BonusClause, Rubric, RubricItem } from './types';

// Appendix B (表 B.1) of T/CEEAS《企业科技创新成果转化评价准则》, transcribed as data. The item ids are a
// contract (files, formulas and the CLI use them); the texts are the standard's own words.

const EVIDENCE_IP = '查阅专利证书、著作（书籍）封面、标准、软件著作权、获奖证书、转让合同、测试或检测报告、应用证明等';
const EVIDENCE_TEST = '查阅测试或检测报告';

function bands(ranges: [string, string, string, string, string, string], rules: [string, string, string]): Band[] {
  return [
    { level: 'excellent', min: ranges[0], max: ranges[1], rule: rules[0] },
    { level: 'good', min: ranges[2], max: ranges[3], rule: rules[1] },
    { level: 'fair', min: ranges[4], max: ranges[5], rule: rules[2] },
  ];
}

const TEN: [string, string, string, string, string, string] = ['8', '10', '4', '7', '0', '3'];
const FIVE: [string, string, string, string, string, string] = ['4', '5', '2', '3', '0', '1'];
const FIFTEEN: [string, string, string, string, string, string] = ['11', '15', '6', '10', '0', '5'];

const items: RubricItem[] = [
  {
    id: 'innovation.necessity',
    group: 'innovation',
    name: { zh: '创新必要性', en: 'Necessity of innovation' },
    max: '10',
    bands: bands(TEN, [
      '精准破解国家关键“卡脖子”难题，获国家级奖项，技术达到国际领先水平，战略需求迫切',
      '有效解决行业共性难题，获省部级奖项，技术达到国内顶尖水平，契合行业发展需求',
      '解决部分技术问题，获协会级/企业级奖项，技术达到行业常规水平，需求紧迫性一般',
    ]),
    evidence: EVIDENCE_IP,
  },
  {
    id: 'innovation.breakthrough',
    group: 'innovation',
    name: { zh: '创新突破度', en: 'Degree of breakthrough' },
    max: '15',
    bands: bands(FIFTEEN, [
      '国际/国内首创级突破，原创性突出、行业引领性强；研究跨多领域、复杂度高；技术经充分验证可靠可行；知识产权布局完整，主导制定国家/行业标准，获权威认证或重大奖励',
      '国内先进水平突破，原创性明显；研究难度较高；技术可行性良好；知识产权较完整，参与制定行业/团体标准，获相关认证',
      '属行业常规改进，原创性有限；研究难度一般；技术基本可行；知识产权初步布局或缺失，无标准/认证支撑',
    ]),
    evidence: EVIDENCE_IP,
  },
  {
    id: 'innovation.strategy',
    group: 'innovation',
    name: { zh: '发展方向与战略契合度', en: 'Fit with strategy and direction' },
    max: '5',
    bands: bands(FIVE, [
      '高度契合国家重大战略与科技前沿方向，完全符合最新产业政策，与行业发展趋势及企业核心战略高度协同，引领产业升级',
      '契合国家重要战略方向与政策导向，与行业发展及企业战略匹配度高，推动作用明显',
      '与国家战略、政策导向及行业发展趋势匹配度一般，协同性有待提升',
    ]),
    evidence: '查阅国家法律法规要求的行业审批文件',
  },
  {
    id: 'practicality.feasibility',
    group: 'practicality',
    name: { zh: '技术可行性', en: 'Technical feasibility' },
    max: '5',
    bands: bands(FIVE, [
      '技术路径与产线/流程高度适配，已规模化落地并形成系列化产品/工艺，转化路径清晰成熟',
      '技术路径与产线/流程适配性较好，已完成试点应用，形成部分产品/工艺，具备转化基础',
      '未实现有效应用，处于小范围试用阶段，产业化可行性低，尚不具备转化条件',
    ]),
    evidence: EVIDENCE_IP,
  },
  {
    id: 'practicality.effectiveness',
    group: 'practicality',
    name: { zh: '技术实效性', en: 'Technical effectiveness' },
    max: '5',
    bands: bands(FIVE, [
      '关键指标提升显著，数据详实可溯，行业验证效果突出',
      '指标改善明显，数据可靠，应用效果良好',
      '改进微弱或无数据支撑，实效性一般',
    ]),
    evidence: EVIDENCE_TEST,
  },
  {
    id: 'practicality.risk',
    group: 'practicality',
    name: { zh: '技术风险可控性', en: 'Controllability of technical risk' },
    max: '5',
    bands: bands(FIVE, [
      '风险识别全面、防控体系健全，故障率极低，长期运行安全可靠稳定',
      '风险管控措施有效，故障率较低，安全性、可靠性、稳定性良好',
      '具备基础风控措施，故障率较高，安全性、可靠性、稳定性一般',
    ]),
    evidence: EVIDENCE_TEST,
  },
  {
    id: 'conversion.mechanism',
    group: 'conversion',
    name: { zh: '转化机制', en: 'Conversion mechanism' },
    max: '5',
    bands: bands(FIVE, [
      '组织体系健全、流程高效、激励有力；产学研深度融合，中试与推广平台完善，机制运行高效',
      '机制较完善，流程清晰，激励有效；合作与平台支撑稳定，运行顺畅',
      '机制初步建立，流程基本可行，平台建设初具规模',
    ]),
    evidence: '查阅管理制度文件、激励机制文件、合作协议、平台建设证明等',
  },
  {
    id: 'conversion.degree',
    group: 'conversion',
    name: { zh: '转化程度', en: 'Degree of conversion' },
    max: '10',
    bands: bands(TEN, [
      '产业化应用规模显著，市场占有率居行业前列，运行稳定可持续',
      '主要环节实现规模化应用，市场占有率较高，已被多家企业采用，运行稳定性良好',
      '局部应用，规模有限，应用企业较少，运行稳定性一般',
    ]),
    evidence: '查阅转让合同、测试或检测报告、应用证明等',
  },
  {
    id: 'conversion.benefit',
    group: 'conversion',
    name: { zh: '转化效益', en: 'Benefits of conversion' },
    max: '10',
    bands: bands(TEN, [
      '成果转化过程中实现新增产值、利润增长、投入产出比高，实现降本增效、生产效率提升、市场竞争力提升；对社会民生、行业发展等产生积极影响，社会效益突出；符合绿色低碳发展理念，环境效益明显；成果研发和转化过程中，培养一批高技术高技能人才，整体提升企业管理运营水平',
      '成果转化过程中经济效益良好，社会效益明显，环境效益较好，人才培养有一定成效',
      '效益初步显现，社会/环境效益有限，管理运营水平提升和人才培养成效一般',
    ]),
    evidence: '查阅相关证明与支撑材料等',
  },
  {
    id: 'conversion.compliance',
    group: 'conversion',
    name: { zh: '转化合规性', en: 'Compliance of conversion' },
    max: '5',
    bands: bands(FIVE, [
      '完全合规，程序规范透明，材料完整，知识产权清晰无争议',
      '基本合规，程序较规范，材料较完整，知识产权无重大瑕疵',
      '存在违法违规或侵权风险，程序规范性一般，材料完整性一般',
    ]),
    evidence: '查阅专利证书、著作（书籍）封面、标准、软件著作权等',
  },
  {
    id: 'promotion.maturity',
    group: 'promotion',
    name: { zh: '成果成熟度', en: 'Maturity of the achievement' },
    max: '5',
    bands: bands(FIVE, [
      '技术、工艺、产品等定型成熟，常态化运行稳定，推广条件完备',
      '技术、工艺、产品等基本定型，运行较稳定，推广条件良好',
      '未形成稳定技术、工艺、产品等，运行不可靠，不具备推广条件',
    ]),
    evidence: '查阅转让合同、测试或检测报告、应用证明等',
  },
  {
    id: 'promotion.internal',
    group: 'promotion',
    name: { zh: '内部推广性', en: 'Internal promotion' },
    max: '10',
    bands: bands(TEN, [
      '全集团范围推广复制，机制高效，应用成效显著',
      '主要业务单元推广，复制潜力大，机制较完善，效果良好',
      '局部试点应用，复制难度中等，机制不完善',
    ]),
    evidence: '查阅转让合同、应用证明等',
  },
  {
    id: 'promotion.influence',
    group: 'promotion',
    name: { zh: '行业影响力', en: 'Industry influence' },
    max: '10',
    bands: bands(TEN, [
      '世界首创/填补国内空白，多行业广泛应用，行业权威认定为标杆，技术进步推动力巨大',
      '国内领先水平，同行业广泛采用，行业认可度高',
      '技术普适性低，应用范围窄，无行业影响力',
    ]),
    evidence: EVIDENCE_IP,
  },
];

const bonuses: BonusClause[] = [
  {
    id: 'national-award',
    target: 'innovation',
    targetKind: 'group',
    min: '28',
    max: '30',
    label: { zh: '获国家级奖项', en: 'National award' },
    text: '如申报案例已获得国家最高科学技术奖、国家自然科学奖、国家技术发明奖、国家科学技术进步奖、中华人民共和国国际科学技术合作奖等其中任意一个国家级奖项，创新性整体得分可以在 28~30 分',
  },
  {
    id: 'strategic-directory',
    target: 'innovation.strategy',
    targetKind: 'item',
    min: '4',
    max: '5',
    label: { zh: '列入国家产业目录', en: 'Listed in a national industry directory' },
    text: '如申报案例被列入国家战略性新兴产业、启航产业、未来产业、焕新产业目录，发展方向与战略契合度得分可以在 4~5 分',
  },
  {
    id: 'industry-leader',
    target: 'promotion.influence',
    targetKind: 'item',
    min: '8',
    max: '10',
    label: { zh: '首台（套）突破或链主单位', en: 'First-of-its-kind or chain leader' },
    text: '如申报案例属于首台（套）/首批次/首版次突破，或申报单位被列为产业链链主单位或创新联盟牵头单位，行业影响力整体得分可以在8~10分',
  },
];

export const APPENDIX_B: Rubric = {
  id: 'T/CEEAS-appendix-B',
  title: { zh: '企业科技创新成果转化评分表', en: 'Scoring table for enterprise S&T achievement conversion' },
  total: '100',
  groups: [
    {
      id: 'innovation',
      name: { zh: '创新性', en: 'Innovation' },
      max: '30',
      items: ['innovation.necessity', 'innovation.breakthrough', 'innovation.strategy'],
    },
    {
      id: 'practicality',
      name: { zh: '实用性', en: 'Practicality' },
      max: '15',
      items: ['practicality.feasibility', 'practicality.effectiveness', 'practicality.risk'],
    },
    {
      id: 'conversion',
      name: { zh: '转化性', en: 'Conversion' },
      max: '30',
      items: ['conversion.mechanism', 'conversion.degree', 'conversion.benefit', 'conversion.compliance'],
    },
    {
      id: 'promotion',
      name: { zh: '推广性', en: 'Promotion' },
      max: '25',
      items: ['promotion.maturity', 'promotion.internal', 'promotion.influence'],
    },
  ],
  items,
  bonuses,
};
