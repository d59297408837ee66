import type { Command } from 'commander';
import { evaluate } from '../../core/engine/evaluate';
import { toScoreJson } from '../../core/report/scoreJson';
import { parseLang, type CommandContext } from '../context';
import { readPanelFile, readRubricFile } from '../readPanelFile';
import { printResult } from '../printResult';

export function registerScore(program: Command, ctx: CommandContext): void {
  program
    .command('score')
    .description('按面板文件计算每个案例的轮次均分、综合得分 S 和评价等级')
    .argument('<panel>', '面板文件（JSON）')
    .option('--json', '输出 JSON（SPEC 第 6 节格式）')
    .option('--rubric <file>', '本单位的评分表（JSON），默认附录 B')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action((panelPath: string, opts: { json?: boolean; rubric?: string; lang?: string }) => {
      const lang = parseLang(opts.lang);
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const panel = readPanelFile(panelPath, rubric);
      const json = toScoreJson(panel, evaluate(panel, { lang }));
      printResult(ctx, panel, json, opts.json === true, lang);
    });
}
