import type { RoundId } from '../../core/panel/types';

// Task pane and ribbon-command texts. Chinese is the default: the offices running the evaluation work in Chinese;
// English is for an Office whose display language is English.

export type Lang = 'zh' | 'en';

/** Office.context.displayLanguage ("zh-CN", "en-US", …) → the language of the UI. */
export function languageOf(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'zh';
}

export type TabId = 'setup' | 'cases' | 'sheets' | 'compute' | 'notices' | 'audit';
export const TAB_IDS: TabId[] = ['setup', 'cases', 'sheets', 'compute', 'notices', 'audit'];

export interface Strings {
  appTitle: string;
  tablistLabel: string;
  tabs: Record<TabId, string>;
  rounds: Record<RoundId, string>;
  busy: string;
  done: string;
  failed: string;
  cancel: string;
  proceed: string;
  confirmTitle: string;
  dismiss: string;
  fromRibbon: string;
  outsideOffice: string;
  help: string;
  setup: { intro: string; button: string; confirm: string };
  cases: { intro: string; openCases: string; openExperts: string; openRounds: string; openHolidays: string };
  sheets: {
    intro: string;
    round: string;
    generate: string;
    generateConfirm: string;
    exportTitle: string;
    expert: string;
    expertHint: string;
    exportButton: string;
    expertMissing: string;
    collectTitle: string;
    files: string;
    filesHint: string;
    collectButton: string;
    collectConfirm: string;
    filesMissing: string;
    generated: string;
  };
  compute: { intro: string; button: string; confirm: string };
  notices: { intro: string; button: string; confirm: string };
  audit: { intro: string; button: string };
  findings: {
    title: string;
    none: string;
    error: string;
    warning: string;
    goTo: (cell: string) => string;
    noCell: string;
    count: (errors: number, warnings: number) => string;
    /** An action's message followed by its finding counts. */
    summary: (message: string, errors: number, warnings: number) => string;
  };
  commands: Record<'computeGrades' | 'makeNotices' | 'auditWorkbook', string>;
}

const zh: Strings = {
  appTitle: '成果转化评价',
  tablistLabel: '评价工作步骤',
  tabs: {
    setup: '设置工作簿',
    cases: '案例与专家',
    sheets: '专家评分表',
    compute: '计算等级',
    notices: '公示与通知',
    audit: '审计',
  },
  rounds: { initial: '初评', review: '复评', final: '终评' },
  busy: '正在处理，请稍候……',
  done: '已完成',
  failed: '未能完成',
  cancel: '取消',
  proceed: '继续',
  confirmTitle: '请确认',
  dismiss: '关闭',
  fromRibbon: '功能区命令',
  outsideOffice: '当前不在 Excel 中运行：界面可以浏览，操作需要在 Excel 中进行。',
  help: '按准则的“一核三评价”流程：设置工作簿 → 登记案例与专家 → 生成并分发专家评分表 → 收回评分 → 计算等级 → 公示与结果通知；审计检查可随时进行。自定义函数见 CEEAS.TOTAL、CEEAS.SCORE、CEEAS.GRADE 等。',
  setup: {
    intro: '在当前工作簿中建立“评分标准”“案例登记”“专家库”“轮次设置”“节假日”等工作表（附录 B 模板）。',
    button: '设置工作簿',
    confirm: '将在当前工作簿中建立评价所需的工作表，同名的模板工作表会被替换。已登记的内容不会被覆盖。是否继续？',
  },
  cases: {
    intro:
      '在“案例登记”中登记案例（名称、申报单位、产业类别、加分条款、规范性审核结果），在“专家库”中登记专家（单位、领域、需回避的案例），在“轮次设置”中填写各轮专家、案例和权重。',
    openCases: '打开案例登记',
    openExperts: '打开专家库',
    openRounds: '打开轮次设置',
    openHolidays: '打开节假日表',
  },
  sheets: {
    intro:
      '为一轮评审的每位专家生成评分表（受保护，只有得分单元格可填写，并带数据验证），可导出为单独的工作簿发给专家，收回后写入本工作簿。',
    round: '评审轮次',
    generate: '生成本轮专家评分表',
    generateConfirm: '将为本轮每位专家生成评分表，替换本轮现有的同名评分表（已填写的得分会保留）。是否继续？',
    exportTitle: '导出专家工作簿',
    expert: '专家编号',
    expertHint: '如 E01，见“专家库”',
    exportButton: '导出',
    expertMissing: '请先填写专家编号。',
    collectTitle: '收回专家工作簿',
    files: '专家交回的工作簿（.xlsx，可多选）',
    filesHint: '只读取专家评分表中的得分单元格',
    collectButton: '收回并写入',
    collectConfirm: '将把所选工作簿中的得分写入对应的专家评分表（不覆盖已有的得分）。是否继续？',
    filesMissing: '请先选择工作簿文件。',
    generated: '已生成的评分表',
  },
  compute: {
    intro:
      '读取各专家评分表，逐项校验后精确计算各轮均分、综合得分和评价等级，写入“汇总”“复核”“等级汇总”。专家评分表不会被改动。',
    button: '计算等级',
    confirm: '将重新生成“汇总”“复核”“等级汇总”工作表。是否继续？',
  },
  notices: {
    intro:
      '按已计算的结果生成“公示”（含公示期起止日，按节假日表计算工作日）和每个申报单位的“结果通知”；不含专家姓名和个人评分。',
    button: '生成公示与通知',
    confirm: '将重新生成“公示”和“结果通知”工作表。是否继续？',
  },
  audit: {
    intro: '只读检查：公式是否被改写、保护与数据验证是否完好、“汇总”与“复核”是否一致、操作日志是否连续。',
    button: '开始审计检查',
  },
  findings: {
    title: '发现的问题',
    none: '未发现问题。',
    error: '错误',
    warning: '提示',
    goTo: (cell) => `转到单元格 ${cell}`,
    noCell: '（无对应单元格）',
    count: (e, w) => `错误 ${e} 项，提示 ${w} 项`,
    summary: (m, e, w) => `${m}（错误 ${e} 项，提示 ${w} 项）`,
  },
  commands: { computeGrades: '计算等级', makeNotices: '生成公示与通知', auditWorkbook: '审计检查' },
};

const en: Strings = {
  appTitle: 'Achievement evaluation',
  tablistLabel: 'Evaluation steps',
  tabs: {
    setup: 'Workbook',
    cases: 'Cases and experts',
    sheets: 'Expert sheets',
    compute: 'Compute grades',
    notices: 'Notices',
    audit: 'Audit',
  },
  rounds: { initial: 'Initial', review: 'Review', final: 'Final' },
  busy: 'Working, please wait…',
  done: 'Done',
  failed: 'Could not finish',
  cancel: 'Cancel',
  proceed: 'Continue',
  confirmTitle: 'Please confirm',
  dismiss: 'Dismiss',
  fromRibbon: 'Ribbon command',
  outsideOffice: 'Not running in Excel: you can look around, but actions need Excel.',
  help: 'Follow the standard: set up the workbook → register cases and experts → hand out expert sheets → collect them → compute grades → notices and letters; audit at any time. Custom functions: CEEAS.TOTAL, CEEAS.SCORE, CEEAS.GRADE and more.',
  setup: {
    intro: 'Creates the rubric, case register, expert pool, round settings and holiday sheets (Appendix B template).',
    button: 'Set up workbook',
    confirm: 'Template sheets with the same names will be replaced. Registered entries are kept. Continue?',
  },
  cases: {
    intro:
      'Register cases (name, applicant, category, bonus clauses, formal review) in 案例登记, experts (organization, fields, conflicts) in 专家库, and each round’s experts, cases and weight in 轮次设置.',
    openCases: 'Open case register',
    openExperts: 'Open expert pool',
    openRounds: 'Open round settings',
    openHolidays: 'Open holiday table',
  },
  sheets: {
    intro:
      'Generates one protected scoring sheet per expert of a round (only score cells editable, with validation), exports them as workbooks for the experts, and collects the returned ones.',
    round: 'Round',
    generate: 'Generate sheets for this round',
    generateConfirm:
      'The round’s scoring sheets will be generated, replacing existing sheets of the same name (scores already entered are kept). Continue?',
    exportTitle: 'Export an expert workbook',
    expert: 'Expert id',
    expertHint: 'e.g. E01, see 专家库',
    exportButton: 'Export',
    expertMissing: 'Enter an expert id first.',
    collectTitle: 'Collect returned workbooks',
    files: 'Workbooks returned by experts (.xlsx, several allowed)',
    filesHint: 'Only the score cells of the expert sheets are read',
    collectButton: 'Collect',
    collectConfirm:
      'Scores from the selected workbooks will be written into the matching expert sheets (existing scores are not overwritten). Continue?',
    filesMissing: 'Choose the workbook files first.',
    generated: 'Generated sheets',
  },
  compute: {
    intro:
      'Reads every expert sheet, validates each score, and computes round means, scores and grades exactly into 汇总, 复核 and 等级汇总. Expert sheets are never changed.',
    button: 'Compute grades',
    confirm: 'The 汇总, 复核 and 等级汇总 sheets will be generated again. Continue?',
  },
  notices: {
    intro:
      'Writes the public notice (its period counted in working days from the holiday table) and one result letter per applicant; no expert names or individual scores.',
    button: 'Notices and letters',
    confirm: 'The 公示 and 结果通知 sheets will be generated again. Continue?',
  },
  audit: {
    intro: 'Read-only check: formulas typed over, protection and validation, 汇总 against 复核, and the operation log.',
    button: 'Run audit',
  },
  findings: {
    title: 'Findings',
    none: 'No problems found.',
    error: 'Error',
    warning: 'Warning',
    goTo: (cell) => `Go to cell ${cell}`,
    noCell: '(no cell)',
    count: (e, w) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    summary: (m, e, w) => `${m} (${en.findings.count(e, w)})`,
  },
  commands: { computeGrades: 'Compute grades', makeNotices: 'Notices and letters', auditWorkbook: 'Audit' },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}
