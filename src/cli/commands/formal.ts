import type { Command } from 'commander';
import type { Lang } from '../../core/engine/findings';
import { reviewFormal, type FormalReviewOutcome } from '../../workbook/formalReview';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { applicationSheet } from '../../workbook/sheets/applicationSheet';
import { say, type CommandContext } from '../context';
import { UsageError } from '../usageError';
import { editWorkbook, logCommand, usable, writeCells, writeSheets } from '../workbookFile';

const RESULT_EN: Record<string, string> = { 通过: 'passed', 未通过: 'failed', 限期补正: 'given time to correct' };

/** The review's outcome, one line per case and one per problem, for a terminal. */
function reviewText(lang: Lang, outcome: FormalReviewOutcome): string {
  const en = lang === 'en';
  const lines = outcome.rows.map((r) => {
    const why = r.failed.length
      ? en
        ? ` (not met: ${r.failed.join(', ')})`
        : `（不符合：${r.failed.join('、')}）`
      : r.unanswered.length
        ? en
          ? ` (${r.unanswered.length} checks unanswered)`
          : `（清单未填 ${r.unanswered.length} 项）`
        : '';
    const result = en ? (RESULT_EN[r.result] ?? (r.result || 'not reviewed')) : r.result || '未审核';
    return `${r.case}  ${result}${why}`;
  });
  for (const p of outcome.problems)
    lines.push(en ? `Problem: ${p.cell} ${p.messageEn}` : `问题：${p.cell} ${p.message}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

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
        ctx.io.stdout(reviewText(ctx.lang, outcome));
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
        if (!c) throw new UsageError(`案例登记中没有案例 ${opts.case}。`, `案例登记 has no case ${opts.case}.`);
        const sheet = `申报表-${c.id}`.replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
        if (opened.pkg.sheets.some((s) => s.name === sheet))
          throw new UsageError(
            `工作表“${sheet}”已存在，未覆盖（其中可能已有填写的内容）。`,
            `Sheet "${sheet}" already exists and was not overwritten (it may hold what someone filled in).`,
          );
        writeSheets(opened, [applicationSheet(c, sheet)], read.panel.policy.decimals);
        logCommand(opened, read, '生成申报表', `${c.id}：${sheet}`);
        return { write: true, result: sheet };
      });
      ctx.io.stdout(say(ctx, `已生成工作表“${name}”。\n`, `Wrote sheet "${name}".\n`));
      ctx.setExit(0);
    });
}
