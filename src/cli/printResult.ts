import type { Lang } from '../core/engine/findings';
import type { Panel } from '../core/panel/types';
import type { ScoreJson } from '../core/report/scoreJson';
import type { CommandContext } from './context';
import { renderScoreText } from './scoreText';

/** Prints a result as JSON or as the readable table, and sets the exit code: 1 when any error finding. */
export function printResult(
  ctx: CommandContext,
  panel: Panel,
  json: ScoreJson,
  asJson: boolean,
  lang: Lang = 'zh',
): void {
  ctx.io.stdout(asJson ? `${JSON.stringify(json, null, 1)}\n` : `${renderScoreText(panel, json, lang)}\n`);
  ctx.setExit(json.findings.some((f) => f.severity === 'error') ? 1 : 0);
}
