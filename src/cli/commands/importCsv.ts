import type { Command } from 'commander';
import { importRegisterCsv, type RegisterKind } from '../../workbook/import/registerCsv';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { say, type CommandContext } from '../context';
import { readBytes } from '../readPanelFile';
import { UsageError } from '../usageError';
import { editWorkbook, logCommand, usable, writeCells } from '../workbookFile';

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('从 CSV 文件（UTF-8 或 Excel 中文版另存的 GBK）追加案例或专家到登记表，不覆盖已有内容')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('--cases <file>', '案例 CSV（表头含 案例编号、案例名称、申报单位）')
    .option('--experts <file>', '专家 CSV（表头含 专家编号、姓名、工作单位）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .action(async (book: string, opts: { cases?: string; experts?: string; output?: string }) => {
      if (Boolean(opts.cases) === Boolean(opts.experts))
        throw new UsageError(
          '请指定 --cases 或 --experts 中的一个 CSV 文件。',
          'Give one CSV file, with --cases or with --experts.',
        );
      const kind: RegisterKind = opts.cases ? 'cases' : 'experts';
      const file = (opts.cases ?? opts.experts)!;
      const bytes = readBytes(file, 'CSV 文件');
      const result = await editWorkbook(book, opts.output, 'import', (opened) => {
        const read = usable(book, () => readEvaluationWorkbook(opened.data));
        const imported = importRegisterCsv(opened.data, kind, bytes, file, read.panel.rubric, ctx.lang);
        if (imported.problems.length > 0) return { write: false, result: imported };
        writeCells(opened, imported.updates);
        usable(book, () => opened.pkg.growRegisters(imported.growth));
        logCommand(
          opened,
          read,
          kind === 'cases' ? '导入案例' : '导入专家',
          `${file}（${imported.encoding}）：${imported.added.join('、')}`,
        );
        return { write: true, result: imported };
      });
      if (result.problems.length > 0) {
        for (const p of result.problems) ctx.io.stderr(`${p}\n`);
        ctx.io.stderr(say(ctx, '未导入任何记录。\n', 'Nothing was imported.\n'));
        ctx.setExit(1);
        return;
      }
      ctx.io.stdout(
        say(
          ctx,
          `已从 ${file}（${result.encoding}）导入 ${result.added.length} 条：${result.added.join('、')}\n`,
          `Imported ${result.added.length} records from ${file} (${result.encoding}): ${result.added.join(', ')}\n`,
        ),
      );
      ctx.setExit(0);
    });
}
