import { fixed, toDecimal } from '../core/exact/decimal';
import type { Finding, Lang } from '../core/engine/findings';
import { makeFinding } from '../core/engine/makeFinding';
import type { MessageContext } from '../core/engine/messages';
import { orderedItems } from '../core/rubric/lookup';
import type { Rubric } from '../core/rubric/types';
import { a1 } from './address';
import { computeWorkbook } from './compute';
import { inputFingerprint } from './fingerprint';
import { RECUSED } from './labels';
import type { SheetData, SheetSpec, WorkbookData } from './model';
import { SHEET, SHEET_AGREEMENT } from './names';
import { sameFormula } from './formula/tokens';
import { formulaAt, textAt, valueAt } from './read/cells';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';
import { expertLayout } from './sheets/expertLayout';
import { chainOf } from './sheets/logSheet';
import { roundsSheet } from './sheets/registers';
import { AUDIT, SUMMARY } from './sheets/resultLayout';

export interface AuditResult {
  findings: Finding[];
  /** How much was looked at, for the report. */
  checked: { formulas: number; sheets: number; logRows: number };
}

const PROTECTED_OUTPUTS = [
  SHEET.rubric,
  SHEET.summary,
  SHEET.audit,
  SHEET.grades,
  SHEET_AGREEMENT,
  SHEET.notice,
  SHEET.letters,
  SHEET.log,
];

/**
 * 审计检查 (standard 11.1): is every generated formula still the formula that was generated (compared in R1C1 form,
 * a constant typed over a formula named), are protection and validation intact, does 汇总 agree with 复核 and with
 * the scores as they are now, have the inputs changed since the last computation, and is 操作日志 unbroken.
 */
export function auditWorkbook(data: WorkbookData, options: { rubric?: Rubric; lang?: Lang } = {}): AuditResult {
  const lang = options.lang ?? 'zh';
  const read = readEvaluationWorkbook(data, options);
  const findings: Finding[] = [...read.findings.filter((f) => f.code !== 'missing-sheet')];
  const add = (code: Parameters<typeof makeFinding>[0], ctx: Partial<MessageContext>, cell?: string): void => {
    findings.push(makeFinding(code, { round: null, expert: null, case: null, ...ctx }, cell ? { cell } : {}, lang));
  };
  const sheet = (name: string): SheetData | undefined => data.sheets.find((s) => s.name === name);
  let formulas = 0;

  // The inputs may have changed since the last computation (an import, collected scores, an edited register):
  // the result sheets then describe the old inputs. That is one finding — compute again — with the cases whose
  // results it changes; the result sheets' formulas are not compared with what the new inputs would give, nor
  // 复核 (recalculated from the new scores) with 汇总 (still the old results).
  const lastCompute = [...read.log].reverse().find((row) => row.resultFingerprint !== '');
  const inputsChanged = lastCompute !== undefined && lastCompute.inputFingerprint !== inputFingerprint(read.panel);

  // Formulas: the generated sheets are generated again from the workbook's own data and compared cell by cell,
  // by meaning (another program that saved the workbook may have written the same formula its own way).
  const fresh = computeWorkbook(data, { now: '', user: '', rubric: options.rubric, lang });
  const expected: SheetSpec[] = [
    ...(inputsChanged ? [] : fresh.sheets.filter((s) => s.name === SHEET.audit || s.name === SHEET.grades)),
    roundsSheet(read.panel),
  ];
  for (const spec of expected) {
    const actual = sheet(spec.name);
    if (!actual) continue;
    spec.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!c || c.formula === undefined) return;
        formulas++;
        const f = formulaAt(actual, r + 1, k + 1);
        const cell = `${spec.name}!${a1(r + 1, k + 1)}`;
        if (f === null || !sameFormula(f, c.formula, spec.name)) {
          const typed = valueAt(actual, r + 1, k + 1);
          add(
            'formula-changed',
            { cell, formula: c.formula, value: f === null && typed !== null ? JSON.stringify(typed) : undefined },
            cell,
          );
        }
      }),
    );
  }
  formulas += read.expertSheets.length * read.panel.cases.length * 6;

  // Protection and validation.
  const L = expertLayout(read.panel.rubric);
  const items = orderedItems(read.panel.rubric);
  for (const x of read.expertSheets) {
    const s = sheet(x.sheet)!;
    if (!s.meta) continue;
    if (!s.meta.protected) add('protection-removed', { cell: s.name }, s.name);
    const step = read.panel.policy.scoreStep;
    for (let r = L.firstRow; r <= s.values.length; r++) {
      if (!read.panel.cases.some((c) => c.id === textAt(s, r, L.colCase))) continue;
      if (textAt(s, r, L.colRecused) === RECUSED) continue;
      for (const it of items) {
        const addr = a1(r, L.itemColumns[it.id]);
        const v = s.meta.validations[addr];
        const want = `${step.eq(1) ? '整数' : '小数'} 0~${it.max}`;
        const ok = v && (v.type === 'whole' || v.type === 'decimal') && v.min === 0 && v.max === Number(it.max);
        if (!ok) add('validation-changed', { cell: `${s.name}!${addr}`, value: want }, `${s.name}!${addr}`);
      }
    }
  }
  for (const name of PROTECTED_OUTPUTS) {
    const s = sheet(name);
    if (s?.meta && !s.meta.protected) add('protection-removed', { cell: name }, name);
  }

  // 汇总 against the scores as they are now, and 复核 against 汇总.
  const summary = sheet(SHEET.summary);
  const d = read.panel.policy.decimals;
  // Each case is looked up by its id, so a case added since the last computation is not compared with the row of
  // another one.
  const summaryRows = new Map<string, number>();
  if (summary)
    for (let r = SUMMARY.firstRow; r <= summary.values.length; r++) {
      const id = textAt(summary, r, SUMMARY.colCase);
      if (id && !summaryRows.has(id)) summaryRows.set(id, r);
    }
  fresh.json.cases.forEach((c, i) => {
    if (!summary) return;
    const found = summaryRows.get(c.id);
    // A case not in 汇总 yet: the inputs-changed finding already says to compute again.
    if (found === undefined && inputsChanged) return;
    const r = found ?? SUMMARY.firstRow + i;
    const shownScore = valueAt(summary, r, SUMMARY.colScore);
    const shownGrade = textAt(summary, r, SUMMARY.colGrade);
    const shown =
      found === undefined
        ? '（无此案例）'
        : `${typeof shownScore === 'number' ? fixed(toDecimal(shownScore)!, d) : '（空）'} ${shownGrade || '（空）'}`;
    const want = `${c.score ?? '（空）'} ${c.grade ?? '（空）'}`;
    if (shown !== want) {
      const cell = `${SHEET.summary}!${a1(r, SUMMARY.colScore)}`;
      add('results-stale', { case: c.id, cell, value: shown, total: want }, cell);
    }
  });
  const check = inputsChanged ? undefined : sheet(SHEET.audit);
  if (check) {
    fresh.json.cases.forEach((c, i) => {
      const r = AUDIT.firstRow + i;
      if (textAt(check, r, AUDIT.colAgree) === '不一致') {
        const cell = `${SHEET.audit}!${a1(r, AUDIT.colAgree)}`;
        add('audit-mismatch', { case: c.id, cell }, cell);
      }
    });
  }

  // The log: an unbroken chain, and inputs unchanged since the last computation.
  let previous = '';
  read.log.forEach((row, i) => {
    const { chain, ...entry } = row;
    if (chainOf(previous, entry) !== chain) {
      const cell = `${SHEET.log}!${a1(i + 2, 1)}`;
      add('log-tampered', { cell, value: String(i + 1) }, cell);
    }
    previous = chain;
  });
  if (!lastCompute) add('never-computed', {});
  else if (inputsChanged) add('inputs-changed', { value: lastCompute.time });

  return {
    findings,
    checked: { formulas, sheets: data.sheets.length, logRows: read.log.length },
  };
}
