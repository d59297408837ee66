import type { RoundId } from '../../core/panel/types';

/** Absolute references to the 轮次设置 cells that formulas elsewhere depend on (e.g. '轮次设置'!$B$6). */
export interface SettingsCells {
  decimals: string;
  gradeOn: string;
  aggregate: string;
  weight: Record<RoundId, string>;
}
