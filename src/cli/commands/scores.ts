import type { Command } from 'commander';
import { specToBytes } from '../../hosts/xlsx/writeWorkbook';
import {
  scoresArchive,
  scoresCsv,
  scoresWorkbookSpec,
  SCORES_INTERNAL,
  type CsvEncoding,
} from '../../workbook/export/scoresArchive';
import { say, type CommandContext } from '../context';
import { refuseOverwrite, writeAtomically } from '../files';
import { readRubricFile } from '../readPanelFile';
import { UsageError } from '../usageError';
import { openWorkbook, usable } from '../workbookFile';

function encodingOf(text: string | undefined): CsvEncoding {
  const e = (text ?? 'utf-8').toLowerCase();
  if (e === 'utf-8' || e === 'utf8') return 'utf-8';
  if (e === 'gbk' || e === 'gb18030' || e === 'gb2312') return 'gbk';
  throw new UsageError(
    `--encoding 应为 utf-8 或 gbk，实为“${text}”。`,
    `--encoding must be utf-8 or gbk, not "${text}".`,
  );
}

export function registerScores(program: Command, ctx: CommandContext): void {
  program
    .command('scores')
    .description(
      '导出评分明细（每位专家每个案例每轮一行：各二级指标得分、总分、回避、推荐、单元格），供存档和审计；内部资料，含专家姓名',
    )
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('-o, --output <file>', '导出的文件（.csv 或 .xlsx）')
    .option('--encoding <encoding>', 'CSV 的编码：utf-8（带 BOM，默认）或 gbk', 'utf-8')
    .option('--force', '覆盖已存在的输出文件')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(async (book: string, opts: { output: string; encoding?: string; force?: boolean; rubric?: string }) => {
      const csv = /\.csv$/i.test(opts.output);
      if (!csv && !/\.xlsx$/i.test(opts.output))
        throw new UsageError(
          `输出文件 ${opts.output} 应以 .csv 或 .xlsx 结尾。`,
          `Output file ${opts.output} must end in .csv or .xlsx.`,
        );
      const encoding = encodingOf(opts.encoding);
      refuseOverwrite(opts.output, opts.force);
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const { data } = await openWorkbook(book);
      const archive = usable(book, () => scoresArchive(data, { rubric }));
      const bytes = csv ? scoresCsv(archive, encoding) : await specToBytes(scoresWorkbookSpec(archive));
      writeAtomically(opts.output, Buffer.from(bytes));
      ctx.io.stdout(
        say(
          ctx,
          `已导出 ${archive.rows.length} 条评分记录到 ${opts.output}。\n`,
          `Exported ${archive.rows.length} score entries to ${opts.output}.\n`,
        ),
      );
      ctx.io.stderr(
        say(ctx, `${SCORES_INTERNAL}\n`, 'Internal: it holds expert names and individual scores; do not publish it.\n'),
      );
      ctx.setExit(0);
    });
}
