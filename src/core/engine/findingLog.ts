import type { Finding, FindingCode, Lang } from './findings';
import { makeFinding } from './makeFinding';
import type { MessageContext } from './messages';
import type { PanelIndex } from './panelIndex';

interface Kept {
  finding: Finding;
  key: number[];
}

/**
 * The findings of one evaluation. An error blocks the case it names (SPEC section 5), so the log also answers
 * which cases, and which rounds of a case, have one.
 */
export class FindingLog {
  private readonly kept: Kept[] = [];
  private readonly errorCases = new Set<string>();
  /** round|case pairs. */
  private readonly errorRounds = new Set<string>();

  constructor(
    private readonly index: PanelIndex,
    readonly lang: Lang,
  ) {}

  /**
   * Findings are reported in panel order (case, round, expert, item, then entry), whatever order they were found
   * in, so that the output is stable; ids the panel does not know sort after the known ones.
   */
  push(finding: Finding, entryIndex = -1): void {
    const ix = this.index;
    const ci = finding.case !== null && ix.case.has(finding.case) ? ix.case.get(finding.case)! : ix.caseCount;
    const ri = finding.round ? ix.round.get(finding.round)! : -1;
    const ei = finding.expert === null ? -1 : (ix.expert.get(finding.expert) ?? ix.expertCount);
    const ii =
      finding.item === undefined
        ? -1
        : (ix.item.get(finding.item) ?? (ix.groupIds.has(finding.item) ? -1 : ix.items.length));
    this.kept.push({ finding, key: [ci, ri, ei, ii, entryIndex] });
    if (finding.severity === 'error' && finding.case !== null && ix.case.has(finding.case)) {
      this.errorCases.add(finding.case);
      if (finding.round) this.errorRounds.add(`${finding.round}|${finding.case}`);
    }
  }

  add(code: FindingCode, ctx: MessageContext, extra: { item?: string; cell?: string; entryIndex?: number }): void {
    this.push(makeFinding(code, ctx, extra, this.lang), extra.entryIndex ?? -1);
  }

  hasError(caseId: string): boolean {
    return this.errorCases.has(caseId);
  }

  hasErrorInRound(round: string, caseId: string): boolean {
    return this.errorRounds.has(`${round}|${caseId}`);
  }

  /** The findings in report order (a stable sort: equal keys keep the order they were found in). */
  sorted(): Finding[] {
    this.kept.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return 0;
    });
    return this.kept.map((k) => k.finding);
  }
}
