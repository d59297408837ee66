import type { Command } from 'commander';
import { DrawError, drawExperts } from '../../core/draw/drawExperts';
import { ROUND_NAMES } from '../../core/panel/types';
import { fingerprintOf } from '../../workbook/fingerprint';
import { drawIntoWorkbook, roundSheets } from '../../workbook/rounds';
import { currentUser, localTimestamp } from '../files';
import { editWorkbook, usable, writeCells, writeSheets } from '../workbookFile';
import type { CommandContext } from '../context';
import { readPanelFile } from '../readPanelFile';
import { UsageError } from '../usageError';
import { nonNegativeInt, positiveInt, roundOption } from '../options';

/** A recusal's reason in English (the workbook and the JSON keep the Chinese one). */
function reasonInEnglish(reason: string): string {
  const employer = /^与申报单位存在现任职（(.*)）$/.exec(reason);
  if (employer) return `works for the applicant (${employer[1]})`;
  if (reason === '本人申报的利益冲突') return 'a conflict the expert declared';
  return reason;
}

export function registerDraw(program: Command, ctx: CommandContext): void {
  program
    .command('draw')
    .description('按随机种子从专家库抽取某一轮的评审专家（可复现），并列出因利益冲突须回避的专家和案例')
    .argument('<panel>', '面板文件（JSON），或评价工作簿（.xlsx，抽取结果写入专家库和操作日志）')
    .requiredOption('--round <round>', '轮次：initial、review、final')
    .requiredOption('--count <n>', '抽取人数')
    .requiredOption('--seed <seed>', '随机种子（记录在案，用同一种子和同一专家库可重现抽取结果）')
    .option('--min-eligible <n>', '每个案例至少保留的无冲突专家人数', '1')
    .option('--exclude-previous', '不抽取已在前面轮次担任评审的专家')
    .option('--max-per-organization <n>', '同一工作单位至多抽取几位专家（单位名称忽略空格、全角和“有限公司”等后缀）')
    .option('--reserves <k>', '另按同一种子依次抽取 k 位备选专家，供抽中的专家不能参加时递补')
    .option('-o, --output <out>', '抽取结果写入另一个工作簿（默认更新原工作簿；仅对 .xlsx）')
    .option('--json', '输出 JSON')
    .action(
      async (
        panelPath: string,
        opts: {
          round: string;
          count: string;
          seed: string;
          minEligible: string;
          excludePrevious?: boolean;
          maxPerOrganization?: string;
          reserves?: string;
          output?: string;
          json?: boolean;
        },
      ) => {
        const round = roundOption(opts.round);
        const count = positiveInt(opts.count, { zh: '抽取人数', en: '--count' });
        const minEligible = positiveInt(opts.minEligible, { zh: '最少无冲突专家人数', en: '--min-eligible' });
        const options = {
          round,
          count,
          seed: opts.seed,
          minEligible,
          excludePrevious: opts.excludePrevious,
          ...(opts.maxPerOrganization !== undefined
            ? {
                maxPerOrganization: positiveInt(opts.maxPerOrganization, {
                  zh: '每个单位至多抽取的人数',
                  en: '--max-per-organization',
                }),
              }
            : {}),
          ...(opts.reserves !== undefined
            ? { reserves: nonNegativeInt(opts.reserves, { zh: '备选专家人数', en: '--reserves' }) }
            : {}),
        };
        if (opts.output && !/\.xlsx$/i.test(panelPath))
          throw new UsageError(
            '-o 只用于从工作簿抽取：面板文件的抽取结果只显示，不写文件。',
            '-o is for drawing from a workbook: a draw from a panel file is shown, not written.',
          );
        let result;
        let poolFingerprint: string;
        try {
          if (/\.xlsx$/i.test(panelPath)) {
            // On a workbook the draw is applied: 专家库 is marked and the draw is logged with its seed.
            const applied = await editWorkbook(panelPath, opts.output, 'draw', (opened) => {
              const drawn = usable(panelPath, () =>
                drawIntoWorkbook(opened.data, { ...options, now: localTimestamp(), user: currentUser() }),
              );
              writeCells(opened, drawn.updates);
              writeSheets(opened, [drawn.log]);
              return { write: true, result: drawn };
            });
            result = applied.draw;
            poolFingerprint = applied.poolFingerprint;
          } else {
            const panel = readPanelFile(panelPath);
            poolFingerprint = fingerprintOf(panel.experts);
            result = drawExperts(panel, options);
          }
        } catch (e) {
          if (e instanceof DrawError) {
            ctx.io.stderr(`${ctx.lang === 'en' ? e.messageEn : e.message}\n`);
            ctx.setExit(1);
            return;
          }
          throw e;
        }
        if (opts.json) {
          // The draw's JSON as it always was; reserves only when asked for.
          const { reserves, ...drawn } = result;
          const json = opts.reserves !== undefined ? { ...drawn, reserves } : drawn;
          ctx.io.stdout(`${JSON.stringify(json, null, 1)}\n`);
        } else {
          const lines =
            ctx.lang === 'en'
              ? [
                  `${ROUND_NAMES[round].en} round experts drawn (seed ${result.seed}, pool fingerprint ${poolFingerprint}): ${result.experts.join(', ')}`,
                  ...(result.reserves.length > 0 ? [`  Reserves, in order: ${result.reserves.join(', ')}`] : []),
                  ...result.recusals.map(
                    (r) => `  Recused: expert ${r.expert} — case ${r.case} (${reasonInEnglish(r.reason)})`,
                  ),
                ]
              : [
                  `${ROUND_NAMES[round].zh}抽取专家（种子 ${result.seed}，专家库指纹 ${poolFingerprint}）：${result.experts.join('、')}`,
                  ...(result.reserves.length > 0 ? [`  备选（依次递补）：${result.reserves.join('、')}`] : []),
                  ...result.recusals.map((r) => `  回避：专家 ${r.expert} — 案例 ${r.case}（${r.reason}）`),
                ];
          ctx.io.stdout(`${lines.join('\n')}\n`);
        }
        ctx.setExit(0);
      },
    );
}

export function registerRoundSheets(program: Command, ctx: CommandContext): void {
  program
    .command('sheets')
    .description('为某一轮的每位专家生成评分表（按利益冲突标记回避）；已有评分的表保持不变')
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('--round <round>', '轮次：initial、review、final')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .action(async (book: string, opts: { round: string; output?: string }) => {
      const round = roundOption(opts.round);
      const made = await editWorkbook(book, opts.output, 'sheets', (opened) => {
        const m = usable(book, () => roundSheets(opened.data, round, { now: localTimestamp(), user: currentUser() }));
        writeSheets(opened, [...m.sheets, m.log]);
        return { write: true, result: m };
      });
      const names = made.sheets.map((s) => s.name);
      ctx.io.stdout(
        ctx.lang === 'en'
          ? `Wrote ${names.join(', ') || '(none)'}${made.kept.length ? `; kept ${made.kept.join(', ')}, which hold scores` : ''}.\n`
          : `已生成 ${names.join('、') || '（无）'}${made.kept.length ? `；保留已有评分的 ${made.kept.join('、')}` : ''}。\n`,
      );
      ctx.setExit(0);
    });
}
