import { readingOfW } from '../../core/report/agreementReading';
import type { RoundId } from '../../core/panel/types';

// Task pane and ribbon-command texts. Chinese is the default: the offices running the evaluation work in Chinese;
// English is for an Office whose display language is English.

export type Lang = 'zh' | 'en';

/** Office.context.displayLanguage ("zh-CN", "en-US", …) → the language of the UI. */
export function languageOf(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'zh';
}

export type TabId = 'progress' | 'setup' | 'cases' | 'sheets' | 'compute' | 'notices' | 'audit';
export const TAB_IDS: TabId[] = ['setup', 'cases', 'sheets', 'compute', 'notices', 'audit', 'progress'];

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
  setup: {
    intro: string;
    title: string;
    titleHint: string;
    password: string;
    passwordHint: string;
    user: string;
    userHint: string;
    button: string;
    confirm: string;
    passwordTitle: string;
    passwordNote: (password: string) => string;
  };
  cases: {
    intro: string;
    openCases: string;
    openExperts: string;
    openRounds: string;
    openHolidays: string;
    importTitle: string;
    importIntro: string;
    casesFile: string;
    expertsFile: string;
    importCases: string;
    importExperts: string;
    importConfirm: string;
    fileMissing: string;
    reviewTitle: string;
    reviewIntro: string;
    reviewButton: string;
    reviewConfirm: string;
    applicationTitle: string;
    applicationIntro: string;
    caseId: string;
    applicationButton: string;
    caseMissing: string;
  };
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
    drawTitle: string;
    drawIntro: string;
    count: string;
    seed: string;
    seedHint: string;
    minEligible: string;
    excludePrevious: string;
    maxPerOrganization: string;
    maxPerOrganizationHint: string;
    reserves: string;
    drawButton: string;
    drawConfirm: string;
    countInvalid: string;
    seedMissing: string;
    formTitle: string;
    formIntro: string;
    formButton: string;
  };
  compute: {
    intro: string;
    button: string;
    confirm: string;
    advanceTitle: string;
    advanceIntro: string;
    from: string;
    rule: string;
    ruleTop: string;
    ruleThreshold: string;
    ruleMajority: string;
    value: string;
    advanceButton: string;
    advanceConfirm: string;
    valueInvalid: string;
    resultsTitle: string;
    chartTitle: string;
    chartLabel: (counts: string) => string;
    colCase: string;
    colScore: string;
    colGrade: string;
    colStatus: string;
    agreementTitle: string;
    colRound: string;
    colW: string;
    colReading: string;
    extremes: (lenient: string, strict: string) => string;
    readingOfW: (w: string | null, size?: { experts: number; cases: number }) => string;
  };
  progress: {
    intro: string;
    button: string;
    next: string;
    registers: (
      cases: number,
      passed: number,
      failed: number,
      pending: number,
      unreviewed: number,
      experts: number,
    ) => string;
    roundsTitle: string;
    colRound: string;
    colCases: string;
    colExperts: string;
    colSheets: string;
    colReturned: string;
    colComplete: string;
    missing: (round: string, expert: string, cases: string[]) => string;
    computed: (at: string, changed: boolean, errors: number, warnings: number) => string;
    notComputed: string;
  };
  notices: {
    intro: string;
    button: string;
    confirm: string;
    objectionsTitle: string;
    objectionsIntro: string;
    objectionsButton: string;
    objectionsConfirm: string;
    releaseTitle: string;
    releaseIntro: string;
    releaseButton: string;
    releaseConfirm: string;
  };
  audit: {
    intro: string;
    button: string;
    archiveTitle: string;
    archiveIntro: string;
    archiveCsv: string;
    archiveXlsx: string;
  };
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
    sheets: '抽取与评分表',
    compute: '计算与晋级',
    notices: '公示与异议',
    audit: '审计',
    progress: '进度',
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
  help: '按准则的“一核三评价”流程：设置工作簿 → 登记案例与专家、规范性审核 → 每轮抽取专家、生成并分发评分表、收回评分 → 计算等级、确定晋级 → 公示、处理异议、发布结果；审计检查可随时进行。自定义函数见 CEEAS.TOTAL、CEEAS.SCORE、CEEAS.GRADE 等。',
  setup: {
    intro:
      '在当前工作簿中建立“评分标准”（附录 B 表 B.1）和“案例登记”“规范性审核”“专家库”“轮次设置”“节假日”“异议登记”“操作日志”。',
    title: '评价名称',
    titleHint: '如“2027年度企业科技创新成果转化评价”',
    password: '工作簿密码',
    passwordHint: '保护评分表和结果表的密码，只保存在本次会话中，不写入工作簿。新工作簿可留空，由系统生成。',
    user: '操作人',
    userHint: '写入操作日志',
    button: '设置工作簿',
    confirm: '将在当前工作簿中建立评价所需的工作表；已有的同名工作表保持不变，不会覆盖任何内容。是否继续？',
    passwordTitle: '请记下工作簿密码',
    passwordNote: (pw) =>
      `本工作簿的保护密码为 ${pw}。它只显示这一次，不保存在工作簿中；以后重新计算、生成评分表或导出专家工作簿时需要输入。`,
  },
  cases: {
    intro:
      '在“案例登记”中登记案例（名称、申报单位、产业类别、加分条款、规范性审核结果），在“专家库”中登记专家（单位、领域、需回避的案例），在“轮次设置”中填写各轮专家、案例和权重。',
    openCases: '打开案例登记',
    openExperts: '打开专家库',
    openRounds: '打开轮次设置',
    openHolidays: '打开节假日表',
    importTitle: '从 CSV 导入',
    importIntro:
      '从其他系统导出的 CSV（UTF-8 或 Excel 中文版保存的 GBK）追加到登记表末尾，内容一律按文本写入；编号已登记或重复时整份文件不导入并指出行号。',
    casesFile: '案例 CSV（列：案例编号、案例名称、申报单位……）',
    expertsFile: '专家 CSV（列：专家编号、姓名、工作单位……）',
    importCases: '导入案例',
    importExperts: '导入专家',
    importConfirm: '将把文件中的记录追加到登记表末尾（不覆盖已有内容）。是否继续？',
    fileMissing: '请先选择 CSV 文件。',
    reviewTitle: '规范性审核（准则 9.1.3）',
    reviewIntro:
      '按“规范性审核”表中各项检查（申报主体、案例条件、附录 C 材料）填写审核结果：全部为“是”则通过；未通过或限期补正须写明原因。只有通过的案例进入初评。',
    reviewButton: '审核',
    reviewConfirm: '将根据检查表填写各案例的审核结果（不覆盖已填写的结果）。是否继续？',
    applicationTitle: '申报表（附录 C）',
    applicationIntro:
      '为一个案例新建附录 C“企业科技创新成果转化报告推荐申报表”工作表，已登记的信息自动填入；已有的申报表不会被覆盖。',
    caseId: '案例编号',
    applicationButton: '生成申报表',
    caseMissing: '请先填写案例编号。',
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
    drawTitle: '抽取专家（准则 5.2.3）',
    drawIntro:
      '从“专家库”随机抽取本轮专家：同一种子、同一专家库总能抽出相同的专家；优先匹配案例的产业领域；与申报单位同单位或申报回避的专家标为回避。种子和专家库指纹记入操作日志，审计人员可以复核。',
    count: '抽取人数',
    seed: '随机种子',
    seedHint: '公开记录的任意文字或数字，如抽取会议的编号',
    minEligible: '每个案例至少的无冲突专家数',
    excludePrevious: '不抽前面轮次的专家',
    maxPerOrganization: '每个单位至多',
    maxPerOrganizationHint: '同一工作单位至多抽几位（单位名称忽略空格、全角和“有限公司”等后缀）；留空不限',
    reserves: '备选人数',
    drawButton: '抽取',
    drawConfirm: '将在“专家库”中标记本轮抽中的专家并写入操作日志。是否继续？',
    countInvalid: '抽取人数应为正整数。',
    seedMissing: '请填写随机种子。',
    formTitle: '纸质评分表（表 B.1）',
    formIntro: '把一位专家对一个案例的评分按附录 B 表 B.1 的格式生成新工作表，供打印签字。',
    formButton: '生成表 B.1',
  },
  compute: {
    intro:
      '读取各专家评分表，逐项校验后精确计算各轮均分、综合得分和评价等级，写入“汇总”（使用 CEEAS 自定义函数）“复核”“等级汇总”（含图表）和“公示”“结果通知”。专家评分表不会被改动。',
    button: '计算等级',
    confirm: '将重新生成“汇总”“复核”“等级汇总”“公示”“结果通知”工作表。是否继续？',
    advanceTitle: '确定晋级（准则 9.2）',
    advanceIntro: '一轮评审结束并计算等级后，按规则在“案例登记”中标记进入下一轮的案例；与已有的不同标记不会被覆盖。',
    from: '已结束的轮次',
    rule: '晋级规则',
    ruleTop: '按均分取前 N 名（并列者一同晋级）',
    ruleThreshold: '均分不低于门槛',
    ruleMajority: '过半数专家推荐',
    value: 'N 或门槛分数',
    advanceButton: '确定晋级',
    advanceConfirm: '将在“案例登记”中标记晋级的案例。是否继续？',
    valueInvalid: '请填写正整数 N 或 0~100 之间的门槛分数。',
    resultsTitle: '计算结果',
    chartTitle: '等级分布',
    chartLabel: (counts) => `等级分布：${counts}`,
    colCase: '案例',
    colScore: '综合得分',
    colGrade: '等级',
    colStatus: '状态',
    agreementTitle: '专家一致性（肯德尔和谐系数 W，仅供讨论，不影响得分；详见“一致性分析”表）',
    colRound: '轮次',
    colW: 'W',
    colReading: '解读',
    extremes: (lenient, strict) => `最宽：${lenient}；最严：${strict}`,
    readingOfW: (w, size) => readingOfW(w, 'zh', size),
  },
  progress: {
    intro:
      '评价进行到哪一步：登记与规范性审核、每一轮的专家、评分表、交回和缺评，上次计算，以及下一步该做什么。只读，不改动工作簿。',
    button: '查看进度',
    next: '下一步',
    registers: (cases, passed, failed, pending, unreviewed, experts) =>
      `案例 ${cases} 个（通过规范性审核 ${passed}，未通过 ${failed}，限期补正 ${pending}，未审核 ${unreviewed}）；专家库 ${experts} 位。`,
    roundsTitle: '各轮进度',
    colRound: '轮次',
    colCases: '案例',
    colExperts: '专家',
    colSheets: '评分表',
    colReturned: '已交回',
    colComplete: '已评完',
    missing: (round, expert, cases) => `${round}缺评：专家 ${expert} — ${cases.join('、')}`,
    computed: (at, changed, errors, warnings) =>
      `上次计算等级：${at}${changed ? '（此后输入有改动，须重新计算）' : ''}；错误 ${errors} 条，提示 ${warnings} 条。`,
    notComputed: '尚未计算等级。',
  },
  notices: {
    intro:
      '按已计算的结果生成“公示”（含公示期起止日，按节假日表计算工作日）和每个申报单位的“结果通知”；不含专家姓名和个人评分。',
    button: '生成公示与通知',
    confirm: '将重新生成“公示”和“结果通知”工作表。是否继续？',
    objectionsTitle: '异议处理（准则 9.4.2、9.4.3）',
    objectionsIntro:
      '在“异议登记”中登记收到的异议后审查：实名、书面且在公示期内的予以受理，匿名、口头或逾期的记为不予受理并写明原因；处理结果为驳回、重新评议或调整等级（写明调整前后的等级、理由和日期）。',
    objectionsButton: '审查异议',
    objectionsConfirm: '将填写空白的“是否受理”和“不予受理原因”。是否继续？',
    releaseTitle: '发布结果（准则 9.4.4）',
    releaseIntro: '公示期满且所有受理的异议处理完毕后，生成“结果发布”工作表，含最终等级、等级调整记录和证书编号。',
    releaseButton: '发布结果',
    releaseConfirm: '将生成“结果发布”工作表。是否继续？',
  },
  audit: {
    intro: '只读检查：公式是否被改写、保护与数据验证是否完好、“汇总”与“复核”是否一致、操作日志是否连续。',
    button: '开始审计检查',
    archiveTitle: '评分明细（存档）',
    archiveIntro:
      '导出每位专家每一轮对每个案例的各项得分、总分、回避和推荐（每条一行），供存档和审计。内部资料：含专家姓名和个人评分，不得公开。',
    archiveCsv: '导出 CSV',
    archiveXlsx: '导出 Excel',
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
    sheets: 'Draw and sheets',
    compute: 'Grades and advancement',
    notices: 'Notice and objections',
    audit: 'Audit',
    progress: 'Progress',
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
    intro:
      'Creates the rubric (Appendix B, table B.1) and the case register, formal review, expert pool, round settings, holidays, objections and log sheets.',
    title: 'Evaluation title',
    titleHint: 'e.g. 2027 achievement-conversion evaluation',
    password: 'Workbook password',
    passwordHint:
      'Protects the scoring and result sheets; kept for this session only, never written into the workbook. Leave empty for a new workbook to get one.',
    user: 'Your name',
    userHint: 'Recorded in the operation log',
    button: 'Set up workbook',
    confirm: 'The evaluation sheets will be created; sheets that already exist are kept as they are. Continue?',
    passwordTitle: 'Write down the workbook password',
    passwordNote: (pw) =>
      `This workbook's protection password is ${pw}. It is shown only once and is not stored in the workbook; you need it to compute, generate sheets or export expert workbooks later.`,
  },
  cases: {
    intro:
      'Register cases (name, applicant, category, bonus clauses, formal review) in 案例登记, experts (organization, fields, conflicts) in 专家库, and each round’s experts, cases and weight in 轮次设置.',
    openCases: 'Open case register',
    openExperts: 'Open expert pool',
    openRounds: 'Open round settings',
    openHolidays: 'Open holiday table',
    importTitle: 'Import from CSV',
    importIntro:
      'Appends records from a CSV file (UTF-8, or GBK as Excel on Chinese Windows saves it) below the register, as text; a registered or repeated id refuses the whole file, naming the line.',
    casesFile: 'Cases CSV (columns 案例编号, 案例名称, 申报单位 …)',
    expertsFile: 'Experts CSV (columns 专家编号, 姓名, 工作单位 …)',
    importCases: 'Import cases',
    importExperts: 'Import experts',
    importConfirm: 'The file’s records will be appended to the register (nothing is overwritten). Continue?',
    fileMissing: 'Choose a CSV file first.',
    reviewTitle: 'Formal review (9.1.3)',
    reviewIntro:
      'Fills each case’s result from the checklist on 规范性审核: passed when every check is 是; failed or pending needs reasons. Only passed cases enter the initial round.',
    reviewButton: 'Review',
    reviewConfirm:
      'Each case’s result will be filled in from its checklist (results already filled in are kept). Continue?',
    applicationTitle: 'Application form (Appendix C)',
    applicationIntro:
      'Adds Appendix C’s application form for one case as a sheet of its own, registered fields filled in; an existing form is never replaced.',
    caseId: 'Case id',
    applicationButton: 'Add application form',
    caseMissing: 'Enter a case id first.',
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
    drawTitle: 'Draw experts (5.2.3)',
    drawIntro:
      'Draws the round’s experts from the pool at random: the same seed and pool always give the same experts; experts of the cases’ fields first; experts from the applicant’s organization or with a declared conflict recuse. The seed and the pool’s fingerprint go to the log.',
    count: 'Number of experts',
    seed: 'Seed',
    seedHint: 'Any text or number recorded in public, e.g. the meeting number',
    minEligible: 'Eligible experts each case keeps at least',
    excludePrevious: 'Leave out experts of earlier rounds',
    maxPerOrganization: 'At most per organisation',
    maxPerOrganizationHint:
      'Experts of one organisation at most (names compared without spaces, full-width forms or legal forms); blank: no limit',
    reserves: 'Reserves',
    drawButton: 'Draw',
    drawConfirm: 'The drawn experts will be marked in 专家库 and logged. Continue?',
    countInvalid: 'The number of experts must be a positive whole number.',
    seedMissing: 'Enter a seed.',
    formTitle: 'Paper form (table B.1)',
    formIntro: 'Adds one expert’s scores for one case as table B.1 of Appendix B, to print and sign.',
    formButton: 'Add table B.1',
  },
  compute: {
    intro:
      'Reads every expert sheet, validates each score, and computes round means, scores and grades exactly into 汇总 (with the CEEAS functions), 复核, 等级汇总 (with charts), 公示 and 结果通知. Expert sheets are never changed.',
    button: 'Compute grades',
    confirm: 'The 汇总, 复核, 等级汇总, 公示 and 结果通知 sheets will be generated again. Continue?',
    advanceTitle: 'Advancement (9.2)',
    advanceIntro:
      'After a round is computed, marks in 案例登记 the cases that go on to the next round; a different mark already there is never overwritten.',
    from: 'Round just finished',
    rule: 'Rule',
    ruleTop: 'Top N by round mean (ties at the cut go on)',
    ruleThreshold: 'Round mean at or above a threshold',
    ruleMajority: 'Recommended by a majority of experts',
    value: 'N or threshold',
    advanceButton: 'Advance',
    advanceConfirm: 'The advancing cases will be marked in 案例登记. Continue?',
    valueInvalid: 'Enter a positive whole N or a threshold between 0 and 100.',
    resultsTitle: 'Results',
    chartTitle: 'Grades',
    chartLabel: (counts) => `Grades: ${counts}`,
    colCase: 'Case',
    colScore: 'Score',
    colGrade: 'Grade',
    colStatus: 'Status',
    agreementTitle: 'Expert agreement (Kendall’s W, for discussion, changes no score; see the 一致性分析 sheet)',
    colRound: 'Round',
    colW: 'W',
    colReading: 'Reading',
    extremes: (lenient, strict) => `Most lenient: ${lenient}; most strict: ${strict}`,
    readingOfW: (w, size) => readingOfW(w, 'en', size),
  },
  progress: {
    intro:
      'Where the evaluation stands: registers and formal review, each round’s experts, sheets, returns and missing scores, the last computation, and the next step. Read only.',
    button: 'Show progress',
    next: 'Next step',
    registers: (cases, passed, failed, pending, unreviewed, experts) =>
      `${cases} cases (${passed} passed formal review, ${failed} failed, ${pending} pending, ${unreviewed} not reviewed); ${experts} experts.`,
    roundsTitle: 'Rounds',
    colRound: 'Round',
    colCases: 'Cases',
    colExperts: 'Experts',
    colSheets: 'Sheets',
    colReturned: 'Returned',
    colComplete: 'Complete',
    missing: (round, expert, cases) => `${round}: expert ${expert} has not scored ${cases.join(', ')}`,
    computed: (at, changed, errors, warnings) =>
      `Last computed ${at}${changed ? ' (inputs changed since: compute again)' : ''}; ${errors} errors, ${warnings} warnings.`,
    notComputed: 'Not computed yet.',
  },
  notices: {
    intro:
      'Writes the public notice (its period counted in working days from the holiday table) and one result letter per applicant; no expert names or individual scores.',
    button: 'Notices and letters',
    confirm: 'The 公示 and 结果通知 sheets will be generated again. Continue?',
    objectionsTitle: 'Objections (9.4.2, 9.4.3)',
    objectionsIntro:
      'Register objections in 异议登记, then review them: written, signed ones within the period are accepted; anonymous, oral or late ones are recorded as not accepted with the reason. Decisions: rejected, re-evaluated, or grade changed (before, after, reasons, date).',
    objectionsButton: 'Review objections',
    objectionsConfirm: 'Blank acceptance cells of 异议登记 will be filled in. Continue?',
    releaseTitle: 'Release (9.4.4)',
    releaseIntro:
      'Once the notice period is over and every accepted objection is closed, writes 结果发布 with final grades, grade changes and certificate numbers.',
    releaseButton: 'Release results',
    releaseConfirm: 'The 结果发布 sheet will be written. Continue?',
  },
  audit: {
    intro: 'Read-only check: formulas typed over, protection and validation, 汇总 against 复核, and the operation log.',
    button: 'Run audit',
    archiveTitle: 'Score archive',
    archiveIntro:
      'Every expert’s item scores, total, recusal and recommendation for every case and round, one row each, for the records and auditors. Internal: it holds expert names and individual scores.',
    archiveCsv: 'Export CSV',
    archiveXlsx: 'Export Excel',
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
