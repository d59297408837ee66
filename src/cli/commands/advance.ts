import type { Command } from 'commander';
import type { AdvanceResult, AdvanceRule } from '../../core/engine/advance';
import type { Lang } from '../../core/engine/findings';
import { toDecimal } from '../../core/exact/decimal';
import { ROUND_IDS, ROUND_NAMES, type RoundId } from '../../core/panel/types';
import { advanceWorkbook, describeRule, type AdvanceOutcome } from '../../workbook/advance';
import type { CommandContext } from '../context';
import { currentUser, localTimestamp } from '../files';
import { readRubricFile } from '../readPanelFile';
import { UsageError } from '../usageError';
import { editWorkbook, usable, writeCells, writeSheets } from '../workbookFile';

function ruleOf(opts: { top?: string; threshold?: string; majority?: boolean }): AdvanceRule {
  const given = [opts.top !== undefined, opts.threshold !== undefined, opts.majority === true].filter(Boolean).length;
  if (given !== 1)
    throw new UsageError(
      '请指定一种晋级规则：--top N、--threshold 分数 或 --majority。',
      'Give one rule for advancing: --top N, --threshold SCORE or --majority.',
    );
  if (opts.top !== undefined) {
    if (!/^\d+$/.test(opts.top) || Number(opts.top) < 1)
      throw new UsageError(
        `--top 应为正整数，实为“${opts.top}”。`,
        `--top must be a positive whole number, not "${opts.top}".`,
      );
    return { kind: 'top', n: Number(opts.top) };
  }
  if (opts.threshold !== undefined) {
    const min = toDecimal(opts.threshold);
    if (!min || min.isNegative() || min.gt(100))
      throw new UsageError(
        `--threshold 应为 0~100 之间的分数，实为“${opts.threshold}”。`,
        `--threshold must be a score from 0 to 100, not "${opts.threshold}".`,
      );
    return { kind: 'threshold', min };
  }
  return { kind: 'majority' };
}

const UNDECIDED_EN: Record<string, string> = { 评分有误: 'scores in error', 评分未完成: 'scoring not complete' };

/** What an advance decided, for a terminal. */
function advanceText(
  lang: Lang,
  from: RoundId,
  rule: AdvanceRule,
  result: AdvanceResult,
  conflicts: AdvanceOutcome['conflicts'],
): string {
  const en = lang === 'en';
  const list = (ids: string[]): string => ids.join(en ? ', ' : '、') || (en ? 'none' : '无');
  const lines = en
    ? [
        `${ROUND_NAMES[from].en} → ${ROUND_NAMES[result.to].en} (${describeRule(rule, 'en')})`,
        `Advanced: ${list(result.advanced)}`,
        `Not advanced: ${list(result.notAdvanced)}`,
      ]
    : [
        `${ROUND_NAMES[from].zh}→${ROUND_NAMES[result.to].zh}（${describeRule(rule)}）`,
        `晋级：${list(result.advanced)}`,
        `未晋级：${list(result.notAdvanced)}`,
      ];
  if (result.tiedAtCut.length > 0)
    lines.push(
      en
        ? `Tied at the cut, advanced together: ${list(result.tiedAtCut)}`
        : `并列于末位、一同晋级：${list(result.tiedAtCut)}`,
    );
  for (const u of result.undecided)
    lines.push(
      en
        ? `Cannot decide: case ${u.case} (${UNDECIDED_EN[u.reason] ?? u.reason}); finish the scoring and compute again.`
        : `无法判定：案例 ${u.case}（${u.reason}），请先完成评分并重新计算。`,
    );
  for (const c of conflicts)
    lines.push(
      en
        ? `Already marked otherwise: ${c.cell} holds "${c.was}", the rule gives "${c.now}"; add --force to overwrite.`
        : `已有不同标记：${c.cell} 为“${c.was}”，规则给出“${c.now}”；加 --force 才覆盖。`,
    );
  return `${lines.join('\n')}\n`;
}

export function registerAdvance(program: Command, ctx: CommandContext): void {
  program
    .command('advance')
    .description('按规则确定某一轮晋级下一轮的案例（前 N 名、均分门槛或多数专家推荐），在“案例登记”中标记')
    .argument('<book>', '评价工作簿（.xlsx）')
    .requiredOption('--from <round>', '当前轮次：initial 或 review')
    .option('--top <n>', '按轮次均分取前 N 名（并列者一同晋级）')
    .option('--threshold <score>', '轮次均分不低于此分数者晋级')
    .option('--majority', '过半数评分专家在“推荐”列填“是”者晋级')
    .option('--force', '覆盖“案例登记”中已有的不同标记')
    .option('--dry-run', '只显示结果，不写文件')
    .option('-o, --output <out>', '写入另一个工作簿（默认更新原工作簿）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .action(
      async (
        book: string,
        opts: {
          from: string;
          top?: string;
          threshold?: string;
          majority?: boolean;
          force?: boolean;
          dryRun?: boolean;
          output?: string;
          json?: boolean;
          rubric?: string;
        },
      ) => {
        const from = ROUND_IDS.find((r) => r === opts.from || ROUND_NAMES[r].zh === opts.from) as RoundId | undefined;
        if (!from || from === 'final')
          throw new UsageError(
            `--from 应为 initial 或 review，实为“${opts.from}”。`,
            `--from must be initial or review, not "${opts.from}".`,
          );
        const rule = ruleOf(opts);
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        const outcome = await editWorkbook(book, opts.output, 'advance', (opened) => {
          const o = usable(book, () =>
            advanceWorkbook(opened.data, from, rule, {
              now: localTimestamp(),
              user: currentUser(),
              rubric,
              force: opts.force,
            }),
          );
          const stop = o.conflicts.length > 0 || o.result.undecided.length > 0;
          if (!opts.dryRun && !stop) {
            writeCells(opened, o.updates);
            writeSheets(opened, [o.log]);
          }
          return { write: !opts.dryRun && !stop, result: o };
        });
        const { result } = outcome;
        const blocked = outcome.conflicts.length > 0 || result.undecided.length > 0;
        if (opts.json) {
          ctx.io.stdout(
            `${JSON.stringify({ ...result, conflicts: outcome.conflicts, written: !opts.dryRun && !blocked }, null, 1)}\n`,
          );
        } else {
          ctx.io.stdout(advanceText(ctx.lang, from, rule, result, outcome.conflicts));
        }
        ctx.setExit(blocked ? 1 : 0);
      },
    );
}
