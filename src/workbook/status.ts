import { evaluate } from '../core/engine/evaluate';
import type { Lang } from '../core/engine/findings';
import { ROUND_IDS, ROUND_NAMES, type RoundId } from '../core/panel/types';
import { statusLabel } from '../core/report/statusLabel';
import { toScoreJson, type ScoreJson } from '../core/report/scoreJson';
import type { Rubric } from '../core/rubric/types';
import { inputFingerprint } from './fingerprint';
import type { WorkbookData } from './model';
import { SHEET_RELEASE } from './names';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';

// Where an evaluation stands (ceeas status, the task pane's 进度): the registers, each round from drawn experts to
// complete scores, the last computation, the notice and the release, and the one next step to take.

export interface RoundProgress {
  round: RoundId;
  name: string;
  /** Cases of the round that passed formal review (the ones scored). */
  cases: number;
  /** Experts drawn for the round. */
  experts: number;
  /** Experts whose scoring sheet is in the workbook. */
  sheets: number;
  /** Experts who have entered at least one score. */
  returned: number;
  /** Experts who have scored every case they do not recuse from. */
  complete: number;
  /** Scores still missing: by expert, the cases not scored yet. */
  missing: { expert: string; cases: string[] }[];
}

export interface EvaluationStatus {
  title: string;
  cases: { registered: number; passed: number; failed: number; pending: number; unreviewed: number };
  experts: number;
  rounds: RoundProgress[];
  /** The last computation: when, and whether the inputs changed since. */
  computed: { at: string; inputsChanged: boolean } | null;
  findings: { errors: number; warnings: number };
  /** After a computation: each case's result, and the grade distribution. */
  results: { id: string; name: string; score: string | null; grade: string | null; status: string }[];
  grades: Record<string, number>;
  notice: { start: string | null };
  released: boolean;
  /** What to do next, one sentence. */
  next: string;
}

const NEXT = {
  zh: {
    cases: '导入案例（ceeas import BOOK --cases 案例.csv）或在“案例登记”中填写。',
    review: (ids: string[]) =>
      `完成规范性审核：${ids.join('、')} 还没有审核结果（填写“规范性审核”表后运行 ceeas review）。`,
    experts: '导入专家（ceeas import BOOK --experts 专家.csv）或在“专家库”中填写。',
    mark: (r: string) => `确定进入${r}的案例：上一轮计算后运行 ceeas advance，或在“案例登记”的“${r}”列标记。`,
    draw: (r: string) => `抽取${r}专家：ceeas draw BOOK --round … --count N --seed 种子。`,
    sheets: (r: string) => `生成${r}评分表：ceeas sheets BOOK --round …。`,
    collect: (r: string, n: number) =>
      `收回${r}评分：还缺 ${n} 位专家的评分（ceeas export 发出，ceeas collect 收回）。`,
    compute: '计算等级：ceeas compute BOOK。',
    fix: (n: number) => `改正 ${n} 条评分错误（见 ceeas compute 的提示）后重新计算等级。`,
    notice: '设定公示开始日（“轮次设置”），重新计算等级，发布公示。',
    release: '公示期满、异议处理完毕后发布最终结果：ceeas release BOOK。',
    done: '最终结果已发布。',
  },
  en: {
    cases: 'Register the cases (ceeas import BOOK --cases cases.csv) or type them into 案例登记.',
    review: (ids: string[]) =>
      `Finish the formal review: ${ids.join(', ')} have no result yet (fill in 规范性审核, then ceeas review).`,
    experts: 'Register the experts (ceeas import BOOK --experts experts.csv) or type them into 专家库.',
    mark: (r: string) =>
      `Decide which cases go into the ${r} round: ceeas advance after the previous round is computed.`,
    draw: (r: string) => `Draw the ${r} round's experts: ceeas draw BOOK --round … --count N --seed SEED.`,
    sheets: (r: string) => `Make the ${r} round's scoring sheets: ceeas sheets BOOK --round ….`,
    collect: (r: string, n: number) =>
      `Collect the ${r} round's scores: ${n} experts have not finished (ceeas export, ceeas collect).`,
    compute: 'Compute the grades: ceeas compute BOOK.',
    fix: (n: number) => `Correct ${n} score errors (see ceeas compute) and compute again.`,
    notice: 'Set the notice start date (轮次设置), compute again and publish the notice.',
    release: 'Once the notice period is over and objections are closed: ceeas release BOOK.',
    done: 'The final results are released.',
  },
};

export function evaluationStatus(data: WorkbookData, options: { rubric?: Rubric; lang?: Lang } = {}): EvaluationStatus {
  const lang = options.lang ?? 'zh';
  const words = NEXT[lang];
  const read = readEvaluationWorkbook(data, { rubric: options.rubric, lang });
  const { panel } = read;
  const evaluation = evaluate(panel, { lang, extra: read.findings });
  const json: ScoreJson = toScoreJson(panel, evaluation);
  const byReview = (r: string): number => panel.cases.filter((c) => c.formalReview === r).length;

  const rounds: RoundProgress[] = ROUND_IDS.map((rid) => {
    const cases = panel.cases.filter((c) => panel.rounds[rid].cases.includes(c.id) && c.formalReview === 'passed');
    const experts = panel.rounds[rid].experts;
    const sheets = new Set(read.expertSheets.filter((x) => x.round === rid).map((x) => x.expert));
    const entries = panel.scores.filter((s) => s.round === rid);
    const missing: RoundProgress['missing'] = [];
    let returned = 0;
    for (const e of experts) {
      const mine = entries.filter((s) => s.expert === e);
      if (mine.some((s) => !s.recused && Object.keys(s.items).length > 0)) returned++;
      const open = cases
        .filter((c) => !mine.some((s) => s.case === c.id && (s.recused || Object.keys(s.items).length > 0)))
        .map((c) => c.id);
      if (open.length > 0) missing.push({ expert: e, cases: open });
    }
    return {
      round: rid,
      name: ROUND_NAMES[rid][lang],
      cases: cases.length,
      experts: experts.length,
      sheets: experts.filter((e) => sheets.has(e)).length,
      returned,
      complete: experts.length - missing.length,
      missing,
    };
  });

  const lastCompute = [...read.log].reverse().find((row) => row.resultFingerprint !== '');
  const computed = lastCompute
    ? { at: lastCompute.time, inputsChanged: lastCompute.inputFingerprint !== inputFingerprint(panel) }
    : null;
  const errors = json.findings.filter((f) => f.severity === 'error').length;
  const released = data.sheets.some((s) => s.name === SHEET_RELEASE);
  const grades: Record<string, number> = {};
  for (const c of json.cases) if (c.grade) grades[c.grade] = (grades[c.grade] ?? 0) + 1;

  const next = ((): string => {
    if (panel.cases.length === 0) return words.cases;
    const unreviewed = panel.cases.filter((c) => c.formalReview === 'unreviewed').map((c) => c.id);
    if (unreviewed.length > 0) return words.review(unreviewed);
    if (panel.experts.length === 0) return words.experts;
    for (const r of rounds) {
      if (r.cases === 0) return words.mark(r.name);
      if (r.experts === 0) return words.draw(r.name);
      if (r.sheets < r.experts) return words.sheets(r.name);
      if (r.missing.length > 0) return words.collect(r.name, r.missing.length);
      const later = ROUND_IDS.indexOf(r.round) < ROUND_IDS.length - 1;
      const nextRound = later ? rounds[ROUND_IDS.indexOf(r.round) + 1] : null;
      if (nextRound && nextRound.cases === 0) {
        if (!computed || computed.inputsChanged) return errors > 0 ? words.fix(errors) : words.compute;
        return words.mark(nextRound.name);
      }
    }
    if (errors > 0) return words.fix(errors);
    if (!computed || computed.inputsChanged) return words.compute;
    if (!panel.notice.start) return words.notice;
    if (!released) return words.release;
    return words.done;
  })();

  return {
    title: panel.title,
    cases: {
      registered: panel.cases.length,
      passed: byReview('passed'),
      failed: byReview('failed'),
      pending: byReview('pending'),
      unreviewed: byReview('unreviewed'),
    },
    experts: panel.experts.length,
    rounds,
    computed,
    findings: { errors, warnings: json.findings.length - errors },
    results: json.cases.map((c) => ({
      id: c.id,
      name: panel.cases.find((x) => x.id === c.id)?.name ?? '',
      score: c.score,
      grade: c.grade,
      status: statusLabel(panel, c.id, c.status as never, lang),
    })),
    grades,
    notice: { start: panel.notice.start },
    released,
    next,
  };
}
