import type { Command } from 'commander';
import { ROUND_NAMES } from '../../core/panel/types';
import { specToBytes } from '../../hosts/xlsx/writeWorkbook';
import { collectReturned } from '../../workbook/collect';
import { compareDoubleEntry } from '../../workbook/doubleEntry';
import { exportExpertSpec, formSheetSpec } from '../../workbook/exportExpert';
import type { CellUpdate } from '../../workbook/model';
import { readEvaluationWorkbook } from '../../workbook/read/readEvaluationWorkbook';
import { applyUpdates } from '../../workbook/specData';
import { say, type CommandContext } from '../context';
import { refuseOverwrite, refuseUnlessXlsxName } from '../files';
import { readRubricFile } from '../readPanelFile';
import { roundOption } from '../options';
import {
  editWorkbook,
  logCommand,
  openWorkbook,
  usable,
  writeCells,
  writeNewWorkbook,
  writeSheets,
} from '../workbookFile';

export function registerExpertFiles(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('把一位专家某一轮的评分表导出为单独的工作簿，发给专家填写（只含本人的评分表和评分标准）')
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('--round <round>', '轮次：initial、review、final')
    .requiredOption('--expert <id>', '专家编号')
    .requiredOption('-o, --output <file>', '导出的工作簿（.xlsx）')
    .option('--force', '覆盖已存在的输出文件')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(
      async (
        book: string,
        opts: { round: string; expert: string; output: string; force?: boolean; rubric?: string },
      ) => {
        const round = roundOption(opts.round);
        refuseUnlessXlsxName(opts.output);
        refuseOverwrite(opts.output, opts.force);
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        const master = await openWorkbook(book);
        const read = usable(book, () => readEvaluationWorkbook(master.data, { rubric }));
        const sheetName = read.expertSheets.find((x) => x.round === round && x.expert === opts.expert)?.sheet;
        const spec = usable(book, () => exportExpertSpec(read.panel, round, opts.expert, sheetName));
        // The expert's copy is protected with the master's password, which this command never sees.
        const bytes = await specToBytes(spec, { protection: master.pkg.passwordProtection() });
        await writeNewWorkbook(opts.output, 'export', bytes);
        const names = spec.sheets.map((s) => s.name);
        ctx.io.stdout(
          say(ctx, `已导出 ${opts.output}：${names.join('、')}。\n`, `Exported ${opts.output}: ${names.join(', ')}.\n`),
        );
        ctx.setExit(0);
      },
    );

  program
    .command('form')
    .description('把一位专家对一个案例的评分填入附录 B 表 B.1 格式的评分表（新增工作表），供打印签字')
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('--round <round>', '轮次：initial、review、final')
    .requiredOption('--expert <id>', '专家编号')
    .requiredOption('--case <id>', '案例编号')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(
      async (book: string, opts: { round: string; expert: string; case: string; output?: string; rubric?: string }) => {
        const round = roundOption(opts.round);
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        const name = await editWorkbook(book, opts.output, 'form', (opened) => {
          const read = usable(book, () => readEvaluationWorkbook(opened.data, { rubric }));
          const spec = usable(book, () => formSheetSpec(read.panel, round, opts.expert, opts.case));
          writeSheets(opened, [spec], read.panel.policy.decimals);
          logCommand(opened, read, '生成评分表', `${ROUND_NAMES[round].zh} ${opts.expert} ${opts.case}：${spec.name}`);
          return { write: true, result: spec.name };
        });
        ctx.io.stdout(say(ctx, `已生成工作表“${name}”。\n`, `Wrote sheet "${name}".\n`));
        ctx.setExit(0);
      },
    );

  program
    .command('collect')
    .description('收回专家返回的工作簿：主工作簿中为空的分数填入，与已有分数不同的只报告冲突、不覆盖')
    .argument('<book>', '评价工作簿（.xlsx）')
    .argument('<returned...>', '专家返回的工作簿（可多个）')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .option(
      '--second-entry <files...>',
      '双人录入：另一位录入员独立录入同一批纸质评分表的工作簿；两次录入逐格一致才收回，不一致则列出差异、不收回',
    )
    .action(
      async (
        book: string,
        returned: string[],
        opts: { output?: string; json?: boolean; rubric?: string; secondEntry?: string[] },
      ) => {
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        if (opts.secondEntry) {
          const master = await openWorkbook(book);
          const read = usable(book, () => readEvaluationWorkbook(master.data, { rubric }));
          const open = (files: string[]) =>
            Promise.all(files.map(async (f) => (await openWorkbook(f, { sheets: 'all' })).data));
          const check = compareDoubleEntry(
            await open(returned),
            await open(opts.secondEntry),
            read.panel.rubric,
            ctx.lang,
          );
          if (check.differences.length > 0 || check.unmatched.length > 0) {
            if (opts.json)
              ctx.io.stdout(
                `${JSON.stringify({ filled: 0, written: false, differences: check.differences, unmatched: check.unmatched }, null, 1)}\n`,
              );
            else {
              const lines = [
                ...check.differences.map((d) => say(ctx, `录入不一致：${d.message}`, `Entries differ: ${d.message}`)),
                ...check.unmatched.map((m) => say(ctx, `无法对照：${m}`, `Cannot compare: ${m}`)),
                say(
                  ctx,
                  `两次录入有 ${check.differences.length} 处不一致${check.unmatched.length ? `、${check.unmatched.length} 处无法对照` : ''}，未收回任何分数；请对照纸质评分表改正后再收回。`,
                  `The two entries differ in ${check.differences.length} cells${check.unmatched.length ? ` and ${check.unmatched.length} cannot be compared` : ''}; nothing was collected. Correct them against the paper forms and collect again.`,
                ),
              ];
              ctx.io.stdout(`${lines.join('\n')}\n`);
            }
            ctx.setExit(1);
            return;
          }
        }
        const report = await editWorkbook(book, opts.output, 'collect', async (opened) => {
          const read = usable(book, () => readEvaluationWorkbook(opened.data, { rubric }));
          const out: { file: string; result: ReturnType<typeof collectReturned> }[] = [];
          const updates: CellUpdate[] = [];
          let data = opened.data;
          for (const file of returned) {
            const back = await openWorkbook(file, { sheets: 'all' });
            const result = collectReturned(data, back.data, read.panel.rubric, ctx.lang);
            out.push({ file, result });
            updates.push(...result.updates);
            // Later files are compared with what earlier ones filled in, so two returns of one sheet conflict.
            data = applyUpdates(data, result.updates);
          }
          if (updates.length > 0) {
            writeCells(opened, updates);
            const conflicts = out.reduce((a, r) => a + r.result.conflicts.length, 0);
            logCommand(
              opened,
              read,
              '收回专家评分',
              `${returned.length} 个文件${opts.secondEntry ? '（双人录入一致）' : ''}，填入 ${updates.length} 格，冲突 ${conflicts} 处`,
            );
          }
          return { write: updates.length > 0, result: out };
        });
        const filled = report.reduce((a, r) => a + r.result.updates.length, 0);
        const conflicts = report.flatMap((r) => r.result.conflicts);
        const refused = report.flatMap((r) =>
          r.result.refused.map((m) => say(ctx, `${r.file}：${m}`, `${r.file}: ${m}`)),
        );
        if (opts.json) {
          ctx.io.stdout(
            `${JSON.stringify({ filled, conflicts, refused, taken: report.flatMap((r) => r.result.taken) }, null, 1)}\n`,
          );
        } else {
          const lines: string[] = [];
          for (const r of report)
            for (const t of r.result.taken)
              lines.push(
                say(
                  ctx,
                  `${r.file}：${t.sheet} 填入 ${t.filled} 格，相同 ${t.same} 格。`,
                  `${r.file}: ${t.sheet} filled ${t.filled} cells, ${t.same} the same.`,
                ),
              );
          for (const c of conflicts) lines.push(say(ctx, `冲突：${c.message}`, `Conflict: ${c.message}`));
          for (const m of refused) lines.push(say(ctx, `未收回：${m}`, `Not collected: ${m}`));
          lines.push(
            say(
              ctx,
              `共填入 ${filled} 格，冲突 ${conflicts.length} 处。${filled > 0 ? '请运行 ceeas compute 重新计算等级。' : ''}`,
              `Filled ${filled} cells, ${conflicts.length} conflicts.${filled > 0 ? ' Run ceeas compute to grade again.' : ''}`,
            ),
          );
          ctx.io.stdout(`${lines.join('\n')}\n`);
        }
        ctx.setExit(conflicts.length > 0 || refused.length > 0 ? 1 : 0);
      },
    );
}
