import type { Command } from 'commander';
import { computeWorkbook } from '../../workbook/compute';
import { parseLang, type CommandContext } from '../context';
import { SHEET_RELEASE } from '../../workbook/names';
import { currentUser, localTimestamp, refuseUnlessXlsxName } from '../files';
import { printResult } from '../printResult';
import { readRubricFile } from '../readPanelFile';
import { editWorkbook, usable, writeSheets } from '../workbookFile';

export function registerCompute(program: Command, ctx: CommandContext): void {
  program
    .command('compute')
    .description('读取工作簿中的登记表和专家评分表，校验并计算等级，写入汇总、复核、等级汇总、公示、结果通知和操作日志')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON（与 score 相同格式，来自单元格的问题带 cell）')
    .option('--dry-run', '只计算和显示，不写文件')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON），默认附录 B')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action(
      async (
        book: string,
        opts: { output?: string; json?: boolean; dryRun?: boolean; rubric?: string; lang?: string },
      ) => {
        const lang = parseLang(opts.lang);
        if (opts.output) refuseUnlessXlsxName(opts.output);
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        const result = await editWorkbook(book, opts.output, 'compute', (opened) => {
          const computed = usable(book, () =>
            computeWorkbook(opened.data, {
              now: localTimestamp(),
              user: currentUser(),
              lang,
              rubric,
              released: opened.pkg.sheets.some((s) => s.name === SHEET_RELEASE),
            }),
          );
          if (!opts.dryRun) writeSheets(opened, computed.sheets, computed.panel.policy.decimals);
          return { write: !opts.dryRun, result: computed };
        });
        printResult(ctx, result.panel, result.json, opts.json === true, lang);
      },
    );
}
