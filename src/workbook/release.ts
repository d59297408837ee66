import type { Lang } from '../core/engine/findings';
import type { Rubric } from '../core/rubric/types';
import { computeWorkbook, type ComputeResult } from './compute';
import type { SheetSpec, WorkbookData } from './model';
import { reviewObjections, type ObjectionReview } from './objections';
import { readEvaluationWorkbook } from './read/readEvaluationWorkbook';
import { appendLog } from './sheets/logSheet';
import { lettersSheet } from './sheets/lettersSheet';
import { certificateNumbers, releaseSheet } from './sheets/releaseSheet';

export interface PublicationState {
  compute: ComputeResult;
  review: ObjectionReview;
  /** Published case id → grade as published. */
  published: Map<string, string>;
}

export function publicationState(data: WorkbookData, options: { rubric?: Rubric; lang?: Lang }): PublicationState {
  const compute = computeWorkbook(data, { now: '', user: '', rubric: options.rubric, lang: options.lang });
  const published = new Map(
    compute.json.cases.filter((c) => c.status === 'graded').map((c) => [c.id, c.grade as string]),
  );
  const review = reviewObjections(data, { period: compute.period, published });
  return { compute, review, published };
}

export interface ReleaseResult {
  /** Why the results cannot be released yet; empty when they were. */
  blockers: string[];
  sheets: SheetSpec[];
  state: PublicationState;
}

/** 结果发布 (9.4.4): only after the notice period has ended and every accepted objection is closed. */
export function releaseWorkbook(
  data: WorkbookData,
  options: { now: string; user: string; rubric?: Rubric; lang?: Lang; date?: string },
): ReleaseResult {
  const state = publicationState(data, options);
  const { compute, review } = state;
  // The release date: the one given (a release prepared ahead, or recorded afterwards), else the office's setting,
  // else the day it runs.
  const today = options.date ?? compute.panel.notice.releaseDate ?? options.now.slice(0, 10);
  const blockers: string[] = [];
  const en = options.lang === 'en';
  const block = (zh: string, english: string): number => blockers.push(en ? english : zh);
  if (!compute.period)
    block(
      '公示期未设定：请在“轮次设置”中填写公示开始日并重新计算等级、生成公示。',
      'The notice period is not set: fill in its start in 轮次设置, then compute the grades and make the notice again.',
    );
  else if (today <= compute.period.last)
    block(
      `公示期至 ${compute.period.last} 才结束，公示期满后方可发布最终结果。`,
      `The notice period runs until ${compute.period.last}; final results can be released only after it ends.`,
    );
  for (const p of review.problems) block(`${p.cell}：${p.message}`, `${p.cell}: ${p.messageEn}`);
  for (const o of review.open)
    block(
      `异议 ${o.fields['异议编号'] || `第 ${o.row} 行`} 尚未处理完毕（须填写处理结果和处理日期）。`,
      `Objection ${o.fields['异议编号'] || `on row ${o.row}`} is not settled yet (处理结果 and 处理日期 must be filled in).`,
    );
  if (compute.json.findings.some((f) => f.severity === 'error'))
    block(
      '工作簿中仍有评分错误，请先改正并重新计算等级。',
      'The workbook still has scoring errors; correct them and compute the grades again.',
    );
  if (blockers.length > 0) return { blockers, sheets: [], state };

  const info = new Map(compute.panel.cases.map((c) => [c.id, c]));
  const graded = compute.json.cases.filter((c) => c.status === 'graded');
  const change = new Map(review.changes.map((c) => [c.case, c]));
  const finals = graded.map((c) => ({ caseId: c.id, final: change.get(c.id)?.after ?? (c.grade as string) }));
  const certificates = certificateNumbers(compute.panel.notice.certificatePattern, today.slice(0, 4), finals);
  const entries = graded.map((c, i) => ({
    caseId: c.id,
    caseName: info.get(c.id)!.name,
    applicant: info.get(c.id)!.applicant,
    score: c.score ?? '',
    computed: c.grade as string,
    final: finals[i].final,
    change: change.get(c.id) ?? null,
    certificate: certificates.get(c.id) ?? '',
  }));
  const log = readEvaluationWorkbook(data, { rubric: options.rubric }).log;
  const changed = review.changes.length;
  return {
    blockers,
    state,
    sheets: [
      releaseSheet({ title: compute.panel.title, organizer: compute.panel.notice.organizer, date: today, entries }),
      // The letters become the final documents of 9.4.4: final grades, the notice period, the release date.
      lettersSheet({
        title: compute.panel.title,
        organizer: compute.panel.notice.organizer,
        stage: 'final',
        issueDate: today,
        period: compute.period,
        letters: entries.map((e) => ({
          caseId: e.caseId,
          caseName: e.caseName,
          applicant: e.applicant,
          score: e.score,
          grade: e.final,
          ...(e.change ? { changedFrom: e.computed } : {}),
          ...(e.certificate ? { certificate: e.certificate } : {}),
        })),
      }),
      appendLog(log, {
        time: options.now,
        ...(options.date ? { actsFor: options.date } : {}),
        action: '发布最终结果',
        user: options.user,
        detail: `${entries.length} 个案例，证书 ${certificates.size} 份，异议调整等级 ${changed} 项`,
        inputFingerprint: compute.log.inputFingerprint,
        resultFingerprint: '',
      }),
    ],
  };
}
