import { ROUND_IDS, type RoundId } from '../../core/panel/types';

/** Column positions of 汇总 and 复核, shared by their builders, the 复核 cross-check and the reader. */
export const SUMMARY = {
  headerRow: 3,
  firstRow: 4,
  colCase: 1,
  colName: 2,
  colApplicant: 3,
  colCategory: 4,
  colStatus: 5,
  /** Per round: n, mean, standard deviation, span. */
  roundColumn(round: RoundId): number {
    return 6 + ROUND_IDS.indexOf(round) * 4;
  },
  colScore: 18,
  colGrade: 19,
  colNote: 20,
} as const;

export const AUDIT = {
  headerRow: 3,
  firstRow: 4,
  colCase: 1,
  colName: 2,
  /** Per round: experts who scored, experts who should score, exact mean. */
  roundColumn(round: RoundId): number {
    return 3 + ROUND_IDS.indexOf(round) * 3;
  },
  colExact: 12,
  colScore: 13,
  colGrade: 14,
  colSummaryScore: 15,
  colSummaryGrade: 16,
  colAgree: 17,
} as const;
