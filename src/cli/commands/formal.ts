import type { Command } from 'commander';
import { reviewFormal } from '../../workbook/formalReview';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { applicationSheet } from '../../workbook/sheets/applicationSheet';
import type { CommandContext } from '../context';
import { UsageError } from '../usageError';
import { editWorkbook, logCommand, usable, writeCells, writeSheets } from '../workbookFile';

export function registerFormal(program: Command, ctx: CommandContext): void {
  program
    .command('review')
    .description('规范性审核（准则 9.1.3）：按“规范性审核”表的各项检查给出通过/未通过，核对限期补正的理由和期限')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON')
    .action(async (book: string, opts: { output?: string; json?: boolean }) => {
      const outcome = await editWorkbook(book, opts.output, 'review', (opened) => {
        const reviewed = usable(book, () => reviewFormal(opened.data));
        if (reviewed.updates.length > 0) {
          const read = usable(book, () => readEvaluationWorkbook(opened.data));
          writeCells(opened, reviewed.updates);
          logCommand(
            opened,
            read,
            '规范性审核',
            reviewed.rows.map((r) => `${r.case} ${r.result || '未审核'}`).join('；'),
          );
        }
        return { write: reviewed.updates.length > 0, result: reviewed };
      });
      if (opts.json) {
        ctx.io.stdout(`${JSON.stringify(outcome, null, 1)}\n`);
      } else {
        for (const r of outcome.rows) {
          const why = r.failed.length
            ? `（不符合：${r.failed.join('、')}）`
            : r.unanswered.length
              ? `（清单未填 ${r.unanswered.length} 项）`
              : '';
          ctx.io.stdout(`${r.case}  ${r.result || '未审核'}${why}\n`);
        }
        for (const p of outcome.problems) ctx.io.stdout(`问题：${p.cell} ${p.message}\n`);
      }
      ctx.setExit(outcome.problems.length > 0 ? 1 : 0);
    });

  program
    .command('application')
    .description('为一个案例生成附录 C《企业科技创新成果转化报告推荐申报表》工作表，已登记的信息已填好')
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('--case <id>', '案例编号')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .action(async (book: string, opts: { case: string; output?: string }) => {
      const name = await editWorkbook(book, opts.output, 'application', (opened) => {
        const read = usable(book, () => readEvaluationWorkbook(opened.data));
        const c = read.panel.cases.find((x) => x.id === opts.case);
        if (!c) throw new UsageError(`案例登记中没有案例 ${opts.case}。`);
        const sheet = `申报表-${c.id}`.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
        if (opened.pkg.sheets.some((s) => s.name === sheet))
          throw new UsageError(`工作表“${sheet}”已存在，未覆盖（其中可能已有填写的内容）。`);
        writeSheets(opened, [applicationSheet(c, sheet)], read.panel.policy.decimals);
        logCommand(opened, read, '生成申报表', `${c.id}：${sheet}`);
        return { write: true, result: sheet };
      });
      ctx.io.stdout(`已生成工作表“${name}”。\n`);
      ctx.setExit(0);
    });
}
