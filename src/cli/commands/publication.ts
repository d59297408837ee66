import type { Command } from 'commander';
import { isIsoDate } from '../../core/panel/parsePanel';
import { objectionFindings } from '../../workbook/objections';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { publicationState, releaseWorkbook } from '../../workbook/release';
import { say, type CommandContext } from '../context';
import { currentUser, localTimestamp } from '../files';
import { readRubricFile } from '../readPanelFile';
import { UsageError } from '../usageError';
import { editWorkbook, logCommand, usable, writeCells, writeSheets } from '../workbookFile';

/** The release date given on the command line, checked; the log records it beside the real time of the release. */
function releaseDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  if (!isIsoDate(date))
    throw new UsageError(
      `日期“${date}”不是有效的日期，应为 YYYY-MM-DD（如 2027-01-12）。`,
      `"${date}" is not a valid date; write it as YYYY-MM-DD (such as 2027-01-12).`,
    );
  return date;
}

export function registerPublication(program: Command, ctx: CommandContext): void {
  program
    .command('objections')
    .description(
      '按准则 9.4.2 审查异议登记：实名、书面、公示期内方予受理；填写空白的“是否受理”“不予受理原因”，列出未处理完的异议',
    )
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(async (book: string, opts: { output?: string; json?: boolean; rubric?: string }) => {
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const review = await editWorkbook(book, opts.output, 'objections', (opened) => {
        const r = usable(book, () => publicationState(opened.data, { rubric })).review;
        if (r.updates.length > 0) {
          writeCells(opened, r.updates);
          logCommand(
            opened,
            usable(book, () => readEvaluationWorkbook(opened.data, { rubric })),
            '审查异议',
            `登记 ${r.records.length} 条，填写受理意见 ${r.updates.length} 格，未处理完 ${r.open.length} 条`,
          );
        }
        return { write: r.updates.length > 0, result: r };
      });
      if (opts.json) {
        ctx.io.stdout(
          `${JSON.stringify({ records: review.records.length, filled: review.updates, open: review.open.map((o) => o.fields['异议编号'] || o.row), changes: review.changes, findings: objectionFindings(review.problems, ctx.lang) }, null, 1)}\n`,
        );
      } else {
        const en = ctx.lang === 'en';
        const lines = [
          ...review.updates.map((u) =>
            en ? `Filled ${u.sheet}!${u.address}: ${u.value}` : `填写 ${u.sheet}!${u.address}：${u.value}`,
          ),
          ...review.problems.map((p) => (en ? `Problem: ${p.cell} ${p.messageEn}` : `问题：${p.cell} ${p.message}`)),
          ...review.changes.map((c) =>
            en
              ? `Grade changed: case ${c.case} ${c.before} → ${c.after} (objection ${c.objection}, ${c.date})`
              : `等级调整：案例 ${c.case} ${c.before}→${c.after}（异议 ${c.objection}，${c.date}）`,
          ),
          en
            ? `${review.records.length} objections, ${review.open.length} not settled.`
            : `异议 ${review.records.length} 条，未处理完 ${review.open.length} 条。`,
        ];
        ctx.io.stdout(`${lines.join('\n')}\n`);
      }
      ctx.setExit(review.problems.length > 0 ? 1 : 0);
    });

  program
    .command('release')
    .description('公示期满且异议全部处理完毕后，生成“结果发布”表（最终等级与证书编号）')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('--date <date>', '发布日期（YYYY-MM-DD，默认今天）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(async (book: string, opts: { date?: string; output?: string; json?: boolean; rubric?: string }) => {
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const date = releaseDate(opts.date);
      const result = await editWorkbook(book, opts.output, 'release', (opened) => {
        const r = usable(book, () =>
          releaseWorkbook(opened.data, { now: localTimestamp(), user: currentUser(), rubric, date, lang: ctx.lang }),
        );
        if (r.blockers.length === 0) writeSheets(opened, r.sheets, r.state.compute.panel.policy.decimals);
        return { write: r.blockers.length === 0, result: r };
      });
      if (result.blockers.length > 0) {
        if (opts.json) ctx.io.stdout(`${JSON.stringify({ released: false, blockers: result.blockers }, null, 1)}\n`);
        else for (const b of result.blockers) ctx.io.stdout(say(ctx, `不能发布：${b}\n`, `Cannot release: ${b}\n`));
        ctx.setExit(1);
        return;
      }
      const release = result.sheets[0];
      const rows = release.rows.slice(3).map((r) => r.map((c) => c?.value ?? ''));
      if (opts.json) {
        ctx.io.stdout(
          `${JSON.stringify({ released: true, results: rows.map((r) => ({ case: r[1], final: r[6], certificate: r[8] })) }, null, 1)}\n`,
        );
      } else {
        for (const r of rows) ctx.io.stdout(`${r[1]}  ${r[2]}  ${r[6]}  ${r[8]}\n`);
        ctx.io.stdout(
          say(
            ctx,
            `已发布 ${rows.length} 个案例的最终结果（工作表“${release.name}”）。\n`,
            `Released the final results of ${rows.length} cases (sheet "${release.name}").\n`,
          ),
        );
      }
      ctx.setExit(0);
    });
}
