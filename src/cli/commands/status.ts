import type { Command } from 'commander';
import { evaluationStatus } from '../../workbook/status';
import { parseLang, type CommandContext } from '../context';
import { readRubricFile } from '../readPanelFile';
import { openWorkbook, usable } from '../workbookFile';

export function registerStatus(program: Command, ctx: CommandContext): void {
  program
    .command('status')
    .description('评价进度：登记与审核、每一轮的专家、评分表、收回与缺评，上次计算、公示与发布，以及下一步该做什么')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action(async (book: string, opts: { json?: boolean; rubric?: string; lang?: string }) => {
      const lang = parseLang(opts.lang);
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const { data } = await openWorkbook(book);
      const s = usable(book, () => evaluationStatus(data, { rubric, lang }));
      if (opts.json) {
        ctx.io.stdout(`${JSON.stringify(s, null, 1)}\n`);
        ctx.setExit(0);
        return;
      }
      const zh = lang === 'zh';
      const out: string[] = [];
      out.push(s.title);
      out.push(
        zh
          ? `案例 ${s.cases.registered} 个（通过规范性审核 ${s.cases.passed}，未通过 ${s.cases.failed}，限期补正 ${s.cases.pending}，未审核 ${s.cases.unreviewed}）；专家库 ${s.experts} 位。`
          : `${s.cases.registered} cases (${s.cases.passed} passed formal review, ${s.cases.failed} failed, ${s.cases.pending} pending, ${s.cases.unreviewed} not reviewed); ${s.experts} experts.`,
      );
      for (const r of s.rounds) {
        out.push(
          zh
            ? `${r.name}：案例 ${r.cases}，专家 ${r.experts}，评分表 ${r.sheets}，已交回 ${r.returned}，已评完 ${r.complete}。`
            : `${r.name}: ${r.cases} cases, ${r.experts} experts, ${r.sheets} sheets, ${r.returned} returned, ${r.complete} complete.`,
        );
        for (const m of r.missing)
          out.push(
            zh
              ? `  缺评：专家 ${m.expert} — ${m.cases.join('、')}`
              : `  missing: expert ${m.expert} — ${m.cases.join(', ')}`,
          );
      }
      out.push(
        s.computed
          ? zh
            ? `上次计算等级：${s.computed.at}${s.computed.inputsChanged ? '（此后输入有改动，须重新计算）' : ''}；错误 ${s.findings.errors} 条，提示 ${s.findings.warnings} 条。`
            : `Last computed ${s.computed.at}${s.computed.inputsChanged ? ' (inputs changed since: compute again)' : ''}; ${s.findings.errors} errors, ${s.findings.warnings} warnings.`
          : zh
            ? '尚未计算等级。'
            : 'Not computed yet.',
      );
      if (Object.keys(s.grades).length > 0)
        out.push(
          (zh ? '等级：' : 'Grades: ') +
            Object.entries(s.grades)
              .map(([g, n]) => `${g} ${n}`)
              .join(zh ? '，' : ', '),
        );
      out.push(
        zh
          ? `公示开始日：${s.notice.start ?? '未设定'}；${s.released ? '已发布最终结果' : '未发布最终结果'}。`
          : `Notice start: ${s.notice.start ?? 'not set'}; ${s.released ? 'final results released' : 'final results not released'}.`,
      );
      out.push(`${zh ? '下一步：' : 'Next: '}${s.next}`);
      ctx.io.stdout(`${out.join('\n')}\n`);
      ctx.setExit(0);
    });
}
