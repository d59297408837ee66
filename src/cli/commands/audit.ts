import type { Command } from 'commander';
import { auditWorkbook } from '../../workbook/audit';
import { parseLang, type CommandContext } from '../context';
import { readRubricFile } from '../readPanelFile';
import { openWorkbook, usable } from '../workbookFile';

export function registerAudit(program: Command, ctx: CommandContext): void {
  program
    .command('audit')
    .description('审计检查：公式是否被改写、保护和数据验证是否完好、汇总与复核及现有评分是否一致、操作日志是否被改动')
    .argument('<book>', '评价工作簿（.xlsx）')
    .option('--json', '输出 JSON')
    .option('--rubric <file>', '工作簿使用的本单位评分表（JSON）')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action(async (book: string, opts: { json?: boolean; rubric?: string; lang?: string }) => {
      const lang = parseLang(opts.lang);
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const { data } = await openWorkbook(book, { sheets: 'all', meta: true });
      const result = usable(book, () => auditWorkbook(data, { rubric, lang }));
      const errors = result.findings.filter((f) => f.severity === 'error');
      if (opts.json) {
        ctx.io.stdout(
          `${JSON.stringify({ ok: errors.length === 0, checked: result.checked, findings: result.findings }, null, 1)}\n`,
        );
      } else {
        const en = lang === 'en';
        for (const f of result.findings)
          ctx.io.stdout(
            en
              ? `${f.severity === 'error' ? 'Problem' : 'Note'}: ${f.message}\n`
              : `${f.severity === 'error' ? '问题' : '提示'}：${f.message}\n`,
          );
        const { sheets, formulas, logRows } = result.checked;
        ctx.io.stdout(
          en
            ? `Checked ${sheets} sheets, about ${formulas} formulas and ${logRows} log rows: ${
                errors.length === 0 ? 'no problems found.' : `${errors.length} problems found.`
              }\n`
            : `检查了 ${sheets} 个工作表、约 ${formulas} 个公式、${logRows} 条日志：${
                errors.length === 0 ? '未发现问题。' : `发现 ${errors.length} 个问题。`
              }\n`,
        );
      }
      ctx.setExit(errors.length > 0 ? 1 : 0);
    });
}
