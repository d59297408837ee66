/* global Excel */
import type { AdvanceRule } from '../../core/engine/advance';
import type { DrawOptions } from '../../core/draw/drawExperts';
import type { Finding } from '../../core/engine/findings';
import { localTimestamp } from '../../core/calendar/localTime';
import { toDecimal } from '../../core/exact/decimal';
import { ROUND_NAMES, type RoundId } from '../../core/panel/types';
import { writeWorkbook, type WritePlan } from '../../hosts/office/applySheets';
import { readWorkbook, type OpenWorkbook, type ReadOptions } from '../../hosts/office/readSheets';
import { advanceWorkbook, describeRule } from '../../workbook/advance';
import { auditWorkbook as audit } from '../../workbook/audit';
import { collectReturned } from '../../workbook/collect';
import { computeWorkbook } from '../../workbook/compute';
import { exportExpertSpec, formSheetSpec } from '../../workbook/exportExpert';
import { reviewFormal } from '../../workbook/formalReview';
import { importRegisterCsv, type RegisterKind } from '../../workbook/import/registerCsv';
import type { CellUpdate, SheetSpec, WorkbookData } from '../../workbook/model';
import { a1 } from '../../workbook/address';
import { isExpertSheetName, isInputSheet, SHEET, SHEET_RELEASE } from '../../workbook/names';
import { publicationState, releaseWorkbook } from '../../workbook/release';
import { drawIntoWorkbook, roundSheets } from '../../workbook/rounds';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { applicationSheet } from '../../workbook/sheets/applicationSheet';
import { registerGrowthOf } from '../../workbook/sheets/registers';
import { logInputChange } from '../../workbook/sheets/logSheet';
import { applyUpdates } from '../../workbook/specData';
import { workbookStyles } from '../../workbook/styles';
import { setUpSheets } from '../../workbook/setUp';
import { evaluationStatus } from '../../workbook/status';
import { statusLabel } from '../../core/report/statusLabel';
import type { CaseStatus } from '../../core/engine/evaluate';

// The ribbon's and the task pane's commands on the open workbook. Each one reads in one batch (two syncs), runs
// the pure engine, and writes in one batch: one sync to open the protected sheets it rewrites with the password
// (only when there are such sheets), one to write. Four syncs at most, however many cases, experts or rounds.
// A command that refuses (bad input, wrong password) throws before its write batch, so it changes nothing.

/** What every command may be given by the task pane: the workbook's password and who is working. */
export interface CommandOptions {
  password?: string;
  user?: string;
  /** The language of findings' messages (the sheets themselves are Chinese, as the standard is). */
  lang?: 'zh' | 'en';
  /** Local time as 操作日志 shows it; the clock when not given. */
  now?: string;
}

/** A problem to show in the task pane's findings list: an engine finding, or a refusal with its cell. */
export interface CommandFinding {
  severity: 'error' | 'warning';
  message: string;
  cell?: string;
  code?: string;
}

export interface CommandResult {
  message: string;
  findings?: CommandFinding[];
}

const timestamp = (options: CommandOptions): string => options.now ?? localTimestamp();

const userOf = (options: CommandOptions): string => options.user?.trim() || 'Excel 加载项';

/** What the commands read: the registers, the log and the expert sheets — never the results they rewrite. */
const INPUT_SHEETS: ReadOptions = {
  only: isInputSheet,
  // Expert sheets repeat one row of formulas down the sheet, so they are read by that row.
  formulas: (n) => (isExpertSheetName(n) ? 'filled' : 'whole'),
};
/** The audit reads everything, the formulas of the sheets whose formulas it compares and the values of the rest. */
const COMPARED = new Set<string>([SHEET.audit, SHEET.grades, SHEET.rounds]);
const ALL_SHEETS: ReadOptions = {
  formulas: (n) => (isExpertSheetName(n) ? 'filled' : COMPARED.has(n) || isInputSheet(n) ? 'whole' : 'none'),
};

interface Work<T> {
  sheets?: SheetSpec[];
  updates?: CellUpdate[];
  growth?: WritePlan['growth'];
  decimals?: number;
  result: T;
}

/** Read everything, decide with the pure engine, then write what it decided in one batch. */
async function command<T>(
  context: Excel.RequestContext,
  options: CommandOptions,
  decide: (open: OpenWorkbook) => Work<T>,
): Promise<T> {
  const open = await readWorkbook(context, INPUT_SHEETS);
  const work = decide(open);
  if ((work.sheets?.length ?? 0) + (work.updates?.length ?? 0) > 0) {
    const plan: WritePlan = {
      sheets: work.sheets ?? [],
      updates: work.updates,
      growth: work.growth,
      styles: workbookStyles(work.decimals ?? 2),
      password: options.password,
      existing: open.existing,
    };
    await writeWorkbook(context, plan);
  }
  return work.result;
}

/**
 * 操作日志 with a row for a command that changes inputs (the ones that compute write their own); the input
 * fingerprint is that of the workbook once the command's cell updates are in.
 */
function logged(
  data: WorkbookData,
  action: string,
  detail: string,
  options: CommandOptions,
  updates: CellUpdate[] = [],
): SheetSpec {
  const read = readEvaluationWorkbook(applyUpdates(data, updates));
  return logInputChange(read, { time: timestamp(options), action, user: userOf(options), detail });
}

/** A finding for a problem that has a cell and a sentence but no engine code. */
function problem(cell: string | undefined, message: string, severity: 'error' | 'warning' = 'error'): CommandFinding {
  return { severity, message, ...(cell ? { cell } : {}) };
}

/** 设置工作簿: Appendix B and the registers; sheets that already exist are kept, whatever they hold. */
export async function setUpWorkbook(
  context: Excel.RequestContext,
  options: CommandOptions & { title?: string },
): Promise<CommandResult & { created: string[]; kept: string[] }> {
  return command(context, options, ({ existing }) => {
    const { sheets, kept } = setUpSheets({
      title: options.title ?? '',
      existing: new Set(existing.keys()),
      now: timestamp(options),
      user: userOf(options),
    });
    const created = sheets.map((s) => s.name);
    return {
      sheets,
      result: {
        message:
          created.length > 0
            ? `已建立工作表：${created.join('、')}${kept.length ? `；已有的 ${kept.join('、')} 保持不变` : ''}。`
            : '工作簿已经设置好，未作改动。',
        created,
        kept,
      },
    };
  });
}

/** 导入案例 / 导入专家: records of a CSV file appended to the register, as text, never over a filled cell. */
export async function importRegister(
  context: Excel.RequestContext,
  kind: RegisterKind,
  file: { name: string; data: ArrayBuffer },
  options: CommandOptions,
): Promise<CommandResult> {
  return command<CommandResult>(context, options, ({ data }) => {
    const result = importRegisterCsv(data, kind, new Uint8Array(file.data), file.name, undefined, options.lang);
    if (result.problems.length > 0) {
      return {
        result: {
          message: `未导入任何记录：${result.problems[0]}`,
          findings: result.problems.map((p) => problem(undefined, p)),
        },
      };
    }
    const what = kind === 'cases' ? '案例' : '专家';
    const counted = kind === 'cases' ? '个案例' : '位专家';
    // The table and the 是/否 lists reach the new rows as they reach the first (the .xlsx host does the same).
    const growth = result.growth.flatMap((g) => {
      const grown = registerGrowthOf(g.sheet, g.lastRow, g.newLastRow);
      return grown ? [{ sheet: g.sheet, ...grown }] : [];
    });
    return {
      updates: result.updates,
      growth,
      sheets: [
        logged(
          data,
          `导入${what}`,
          `${file.name}（${result.encoding}）：${result.added.join('、')}`,
          options,
          result.updates,
        ),
      ],
      result: { message: `已从 ${file.name} 导入 ${result.added.length} ${counted}：${result.added.join('、')}。` },
    };
  });
}

/** 规范性审核 (9.1.3): fills each case's result from its checklist; only passed cases are evaluated. */
export async function reviewCases(context: Excel.RequestContext, options: CommandOptions): Promise<CommandResult> {
  return command<CommandResult>(context, options, ({ data }) => {
    const outcome = reviewFormal(data);
    const counts = new Map<string, number>();
    for (const r of outcome.rows) counts.set(r.result || '未审核', (counts.get(r.result || '未审核') ?? 0) + 1);
    const summary = [...counts].map(([k, n]) => `${k} ${n} 个`).join('，') || '没有案例';
    const findings = outcome.problems.map((p) => problem(p.cell, options.lang === 'en' ? p.messageEn : p.message));
    if (outcome.updates.length === 0) return { result: { message: `规范性审核：${summary}。`, findings } };
    return {
      updates: outcome.updates,
      sheets: [
        logged(
          data,
          '规范性审核',
          outcome.rows.map((r) => `${r.case} ${r.result || '未审核'}`).join('；'),
          options,
          outcome.updates,
        ),
      ],
      result: { message: `规范性审核：${summary}。`, findings },
    };
  });
}

/** Appendix C: the application form of a case as a sheet of its own, the registered fields filled in. */
export async function addApplicationForm(
  context: Excel.RequestContext,
  caseId: string,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(context, options, ({ data, existing }) => {
    const read = readEvaluationWorkbook(data);
    const c = read.panel.cases.find((x) => x.id === caseId);
    if (!c) throw new Error(`“${SHEET.cases}”中没有案例 ${caseId}。`);
    const name = `申报表-${c.id}`.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
    // A form that exists may hold what the applicant filled in: it is never replaced.
    if (existing.has(name)) throw new Error(`工作表“${name}”已存在，未覆盖（其中可能已有填写的内容）。`);
    return {
      sheets: [applicationSheet(c, name), logged(data, '生成申报表', `${c.id}：${name}`, options)],
      result: { message: `已生成工作表“${name}”（附录 C 申报表）。` },
    };
  });
}

/** Table B.1 for one case filled from one expert's row: the paper form the expert signs. */
export async function addScoreForm(
  context: Excel.RequestContext,
  form: { round: RoundId; expert: string; caseId: string },
  options: CommandOptions,
): Promise<CommandResult> {
  return command(context, options, ({ data }) => {
    const read = readEvaluationWorkbook(data);
    const spec = formSheetSpec(read.panel, form.round, form.expert, form.caseId);
    return {
      sheets: [
        spec,
        logged(
          data,
          '生成评分表',
          `${ROUND_NAMES[form.round].zh} ${form.expert} ${form.caseId}：${spec.name}`,
          options,
        ),
      ],
      decimals: read.panel.policy.decimals,
      result: { message: `已生成工作表“${spec.name}”（表 B.1，供打印签字）。` },
    };
  });
}

/** 抽取专家 (5.2.3): a reproducible draw by seed, marked in 专家库 and logged with the pool's fingerprint. */
export async function drawRoundExperts(
  context: Excel.RequestContext,
  draw: DrawOptions,
  options: CommandOptions,
): Promise<CommandResult & { experts: string[] }> {
  return command(context, options, ({ data }) => {
    const outcome = drawIntoWorkbook(data, { ...draw, now: timestamp(options), user: userOf(options) });
    const recusals = outcome.draw.recusals.map((r) => `${r.expert} 回避 ${r.case}（${r.reason}）`);
    return {
      updates: outcome.updates,
      sheets: [outcome.log],
      result: {
        message: `${ROUND_NAMES[draw.round].zh}抽中 ${outcome.draw.experts.join('、')}（种子 ${draw.seed}，专家库指纹 ${outcome.poolFingerprint}）${outcome.draw.reserves.length ? `；备选依次为 ${outcome.draw.reserves.join('、')}` : ''}${recusals.length ? `；${recusals.join('；')}` : ''}。`,
        experts: outcome.draw.experts,
      },
    };
  });
}

/** 生成专家评分表: one protected sheet per expert of the round; sheets that hold scores are kept. */
export async function generateExpertSheets(
  context: Excel.RequestContext,
  round: RoundId,
  options: CommandOptions,
): Promise<CommandResult & { sheets: { round: RoundId; expert: string; sheet: string }[] }> {
  return command(context, options, ({ data }) => {
    const out = roundSheets(data, round, { now: timestamp(options), user: userOf(options) });
    const read = readEvaluationWorkbook(data);
    const names = new Map(read.expertSheets.filter((x) => x.round === round).map((x) => [x.sheet, x.expert]));
    const made = out.sheets.map((s, i) => ({ round, expert: out.experts[i]!, sheet: s.name }));
    const kept = out.kept.map((sheet) => ({ round, expert: names.get(sheet) ?? '', sheet }));
    return {
      sheets: [...out.sheets, out.log],
      decimals: read.panel.policy.decimals,
      result: {
        message: `${ROUND_NAMES[round].zh}：生成 ${out.sheets.length} 张评分表${out.kept.length ? `，保留已有评分的 ${out.kept.join('、')}` : ''}。`,
        sheets: [...made, ...kept],
      },
    };
  });
}

/**
 * One expert's scoring sheet as a workbook of its own (the .xlsx host, inside the task pane), protected with the
 * workbook's password: only that expert's sheet and the public rubric. Nothing in the open workbook changes.
 */
export async function exportExpertWorkbook(
  context: Excel.RequestContext,
  round: RoundId,
  expert: string,
  options: CommandOptions,
): Promise<CommandResult & { fileName: string; data: Uint8Array }> {
  const { data } = await readWorkbook(context, INPUT_SHEETS);
  const read = readEvaluationWorkbook(data);
  const sheetName = read.expertSheets.find((x) => x.round === round && x.expert === expert)?.sheet;
  const spec = exportExpertSpec(read.panel, round, expert, sheetName);
  // The same package writer as the CLI's (zip.js, fflate), loaded when first needed.
  const { specToBytes } = await import(/* webpackChunkName: "xlsx-host" */ '../../hosts/xlsx/writeWorkbook');
  const bytes = await specToBytes({ ...spec, password: options.password });
  const fileName = `${spec.sheets[0].name}.xlsx`;
  return {
    message: `已导出 ${fileName}（${spec.sheets.map((s) => s.name).join('、')}）${options.password ? '，已用工作簿密码保护' : '；未输入工作簿密码，导出的表只加了无密码保护'}。`,
    fileName,
    data: new Uint8Array(bytes),
  };
}

/**
 * 收回专家评分: returned workbooks are read with the .xlsx host; empty cells of the open workbook are filled, a
 * different value already there is a conflict, reported with its cell and never overwritten.
 */
export async function collectWorkbooks(
  context: Excel.RequestContext,
  files: { name: string; data: ArrayBuffer }[],
  options: CommandOptions,
): Promise<CommandResult> {
  const { readReturnedWorkbook } = await import(/* webpackChunkName: "xlsx-host" */ './returned');
  const returned = await Promise.all(files.map(async (f) => ({ name: f.name, data: await readReturnedWorkbook(f) })));
  return command<CommandResult>(context, options, ({ data }) => {
    const read = readEvaluationWorkbook(data);
    const findings: CommandFinding[] = [];
    const updates: CellUpdate[] = [];
    let current = data;
    for (const file of returned) {
      if (typeof file.data === 'string') {
        findings.push(problem(undefined, `${file.name}：${file.data}`));
        continue;
      }
      const result = collectReturned(current, file.data, read.panel.rubric, options.lang);
      updates.push(...result.updates);
      current = applyUpdates(current, result.updates);
      for (const c of result.conflicts) findings.push(problem(`${c.sheet}!${c.cell.split('!').pop()}`, c.message));
      for (const m of result.refused) findings.push(problem(undefined, `${file.name}：${m}`));
    }
    const message = `收回 ${returned.length} 个文件，填入 ${updates.length} 格；冲突 ${findings.filter((f) => f.cell).length} 处。${updates.length > 0 ? '请再按“计算等级”。' : ''}`;
    if (updates.length === 0) return { result: { message, findings } };
    return {
      updates,
      sheets: [
        logged(data, '收回专家评分', `${returned.map((f) => f.name).join('、')}：填入 ${updates.length} 格`, options),
      ],
      result: { message, findings },
    };
  });
}

/** 晋级 (9.2): marks in 案例登记 the cases that go on to the next round by the rule chosen. */
export async function advanceRound(
  context: Excel.RequestContext,
  from: RoundId,
  rule: { kind: 'top'; n: number } | { kind: 'threshold'; min: string } | { kind: 'majority' },
  options: CommandOptions,
): Promise<CommandResult> {
  let exact: AdvanceRule;
  if (rule.kind === 'threshold') {
    const min = toDecimal(rule.min);
    if (!min || min.isNegative() || min.gt(100)) throw new Error(`均分门槛应为 0~100 之间的分数，实为“${rule.min}”。`);
    exact = { kind: 'threshold', min };
  } else exact = rule;
  return command<CommandResult>(context, options, ({ data }) => {
    const outcome = advanceWorkbook(data, from, exact, { now: timestamp(options), user: userOf(options) });
    const { result } = outcome;
    const findings = [
      ...result.undecided.map((u) =>
        problem(undefined, `案例 ${u.case} 无法判定（${u.reason}），请先完成评分并计算等级。`),
      ),
      ...outcome.conflicts.map((c) =>
        problem(c.cell, `${c.cell} 已标记为“${c.was}”，规则给出“${c.now}”；未覆盖，请核实后手工修改。`),
      ),
    ];
    const head = `${ROUND_NAMES[from].zh}→${ROUND_NAMES[result.to].zh}（${describeRule(exact)}）：晋级 ${result.advanced.join('、') || '无'}`;
    if (findings.length > 0)
      return { result: { message: `${head}。有需要先处理的问题，未写入“${SHEET.cases}”。`, findings } };
    return {
      updates: outcome.updates,
      sheets: [outcome.log],
      result: {
        message: `${head}${result.tiedAtCut.length ? `（并列一同晋级：${result.tiedAtCut.join('、')}）` : ''}。`,
      },
    };
  });
}

/** 审查异议 (9.4.2): acceptance filled in for new objections; what is still open is listed. */
export async function reviewObjections(context: Excel.RequestContext, options: CommandOptions): Promise<CommandResult> {
  return command<CommandResult>(context, options, ({ data }) => {
    const { review } = publicationState(data, {});
    const findings = [
      ...review.problems.map((p) => problem(p.cell, options.lang === 'en' ? p.messageEn : p.message)),
      ...review.open.map((o) =>
        problem(
          undefined,
          `异议 ${o.fields['异议编号'] || `第 ${o.row} 行`} 尚未处理完毕（须填写处理结果和处理日期）。`,
          'warning',
        ),
      ),
    ];
    const changes = review.changes.map((c) => `案例 ${c.case} ${c.before}→${c.after}`);
    const message = `异议 ${review.records.length} 条，填写受理意见 ${review.updates.length} 格，未处理完 ${review.open.length} 条${changes.length ? `；等级调整：${changes.join('、')}` : ''}。`;
    if (review.updates.length === 0) return { result: { message, findings } };
    return {
      updates: review.updates,
      sheets: [logged(data, '审查异议', message, options, review.updates)],
      result: { message, findings },
    };
  });
}

/** 结果发布 (9.4.4): once the notice period is over and every objection is closed. */
export async function releaseResults(context: Excel.RequestContext, options: CommandOptions): Promise<CommandResult> {
  return command<CommandResult>(context, options, ({ data }) => {
    const result = releaseWorkbook(data, { now: timestamp(options), user: userOf(options), lang: options.lang });
    if (result.blockers.length > 0) {
      return {
        result: {
          message: `暂不能发布：${result.blockers[0]}`,
          findings: result.blockers.map((b) => problem(undefined, b)),
        },
      };
    }
    const rows = Math.max(0, result.sheets[0].rows.length - 3);
    return {
      sheets: result.sheets,
      decimals: result.state.compute.panel.policy.decimals,
      result: { message: `已发布最终结果（工作表“${result.sheets[0].name}”，${rows} 行）。` },
    };
  });
}

/** 计算等级: validate every expert sheet and write 汇总 (CEEAS formulas), 复核, 等级汇总, 公示, 结果通知, 操作日志. */
export async function computeGrades(context: Excel.RequestContext, options: CommandOptions = {}) {
  return command(context, options, ({ data, existing }) => {
    const result = computeWorkbook(data, {
      now: timestamp(options),
      user: userOf(options),
      customFunctions: true,
      lang: options.lang,
      released: existing.has(SHEET_RELEASE),
    });
    const graded = result.json.cases.filter((c) => c.status === 'graded').length;
    const names = new Map(result.panel.cases.map((c) => [c.id, c.name]));
    const grades: Record<string, number> = {};
    for (const c of result.json.cases) if (c.grade) grades[c.grade] = (grades[c.grade] ?? 0) + 1;
    return {
      sheets: result.sheets,
      decimals: result.panel.policy.decimals,
      result: {
        message: `已计算 ${result.json.cases.length} 个案例，已评级 ${graded} 个。`,
        json: result.json,
        findings: result.json.findings as Finding[] as CommandFinding[],
        // What the secretariat looks at next: every case's result and the grade distribution.
        results: result.json.cases.map((c) => ({
          id: c.id,
          name: names.get(c.id) ?? '',
          score: c.score,
          grade: c.grade,
          status: statusLabel(result.panel, c.id, c.status as CaseStatus, options.lang ?? 'zh'),
        })),
        grades,
      },
    };
  });
}

/** 进度: where the evaluation stands, read only. */
export async function evaluationProgress(context: Excel.RequestContext, options: CommandOptions = {}) {
  const { data, existing } = await readWorkbook(context, INPUT_SHEETS);
  // The status needs to know whether 结果发布 exists, not what it holds.
  const unread = [...existing.keys()].filter((n) => !data.sheets.some((s) => s.name === n));
  const sheets = [...data.sheets, ...unread.map((name) => ({ name, values: [], formulas: [] }))];
  const status = evaluationStatus({ sheets }, { lang: options.lang });
  return { message: status.next, status };
}

/** 生成公示与通知: the notice and the letters from the workbook as it is now, with a log entry. */
export async function makeNotices(context: Excel.RequestContext, options: CommandOptions = {}) {
  return command(context, options, ({ data, existing }) => {
    const result = computeWorkbook(data, {
      now: timestamp(options),
      user: userOf(options),
      action: '生成公示与通知',
      lang: options.lang,
      released: existing.has(SHEET_RELEASE),
    });
    const wanted = new Set<string>([SHEET.notice, SHEET.letters, SHEET.log]);
    return {
      sheets: result.sheets.filter((s) => wanted.has(s.name)),
      decimals: result.panel.policy.decimals,
      result: {
        message: result.period
          ? `公示期 ${result.period.first} 至 ${result.period.last}。`
          : '公示期待定：请在“轮次设置”中填写公示开始日。',
        json: result.json,
      },
    };
  });
}

/** 审计检查: read only — formulas, 汇总 against 复核 and the current scores, inputs since the last computation, the log. */
export async function auditWorkbook(context: Excel.RequestContext, options: CommandOptions = {}) {
  const { data } = await readWorkbook(context, ALL_SHEETS);
  // CEEAS cells show #BUSY! while Excel calculates them and #NAME? before the functions are loaded; compared
  // then, every result would look stale. The audit says so instead of reporting them.
  const pending = calculationPending(data);
  if (pending) return { message: pending, findings: [] as ReturnType<typeof audit>['findings'] };
  const result = audit(data, { lang: options.lang });
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return {
    message: errors === 0 ? '审计检查未发现问题。' : `审计检查发现 ${errors} 个问题。`,
    findings: result.findings,
  };
}

/** A sentence when CEEAS cells are still calculating (#BUSY!) or their functions are not loaded (#NAME?). */
export function calculationPending(data: WorkbookData): string | null {
  let busy: string | null = null;
  let unnamed: string | null = null;
  for (const sheet of data.sheets)
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!v || typeof v !== 'object' || !('error' in v)) return;
        // Sheets whose formulas the audit does not load show only their values; there #NAME? is a CEEAS cell,
        // the one function of ours Excel may not know.
        const formula = sheet.formulas[r]?.[c] ?? 'CEEAS.';
        const at = `${sheet.name}!${a1(r + 1, c + 1)}`;
        if (v.error === '#BUSY!') busy ??= at;
        else if (v.error === '#NAME?' && /CEEAS\./i.test(formula)) unnamed ??= at;
      }),
    );
  if (busy) return `Excel 仍在计算（${busy} 显示 #BUSY!）：请待计算完成后再做审计检查。`;
  if (unnamed)
    return `CEEAS 自定义函数尚未加载（${unnamed} 显示 #NAME?）：请打开任务窗格或重新加载加载项，待结果显示后再做审计检查。`;
  return null;
}

/**
 * 评分明细: every score entry of the open workbook in long form, as a CSV (UTF-8 with a byte-order mark) or a
 * workbook, for the office's records. Read only; internal, as its header says (expert names and scores).
 */
export async function exportScoresArchive(
  context: Excel.RequestContext,
  format: 'csv' | 'xlsx',
  options: CommandOptions,
): Promise<CommandResult & { fileName: string; data: Uint8Array }> {
  const { data } = await readWorkbook(context, INPUT_SHEETS);
  const { scoresArchive, scoresCsv, scoresWorkbookSpec, SCORES_INTERNAL } = await import(
    /* webpackChunkName: "xlsx-host" */ '../../workbook/export/scoresArchive'
  );
  const archive = scoresArchive(data);
  const fileName = `评分明细.${format}`;
  let bytes: Uint8Array;
  if (format === 'csv') bytes = scoresCsv(archive);
  else {
    const { specToBytes } = await import(/* webpackChunkName: "xlsx-host" */ '../../hosts/xlsx/writeWorkbook');
    bytes = await specToBytes(scoresWorkbookSpec(archive));
  }
  const en = options.lang === 'en';
  return {
    message: en
      ? `Exported ${archive.rows.length} score entries to ${fileName}. Internal: it holds expert names and individual scores.`
      : `已导出 ${archive.rows.length} 条评分记录到 ${fileName}。${SCORES_INTERNAL}`,
    fileName,
    data: new Uint8Array(bytes),
  };
}
