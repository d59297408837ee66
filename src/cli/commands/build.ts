import type { Command } from 'commander';
import { randomInt } from 'node:crypto';
import { specToBytes } from '../../hosts/xlsx/writeWorkbook';
import { buildWorkbook } from '../../workbook/build';
import { parseLang, type CommandContext } from '../context';
import { currentUser, localTimestamp, refuseOverwrite, refuseUnlessXlsxName, writeAtomically } from '../files';
import { printResult } from '../printResult';
import { readPanelFile, readRubricFile } from '../readPanelFile';
import { usable, writeNewWorkbook } from '../workbookFile';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A fresh password per workbook, from the system's secure random source. */
export function generatePassword(length = 12): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  program
    .command('build')
    .description('由面板文件生成完整的评价工作簿（评分标准、登记表、专家评分表、汇总、复核、公示、结果通知）')
    .argument('<panel>', '面板文件（JSON）')
    .requiredOption('-o, --output <book>', '输出的工作簿（.xlsx）')
    .option('--force', '覆盖已存在的输出文件')
    .option('--password-file <file>', '把工作表保护密码写入此文件（否则只在屏幕上显示一次）')
    .option('--json', '输出 JSON 结果')
    .option('--rubric <file>', '本单位的评分表（JSON），默认附录 B')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action(
      async (
        panelPath: string,
        opts: {
          output: string;
          force?: boolean;
          passwordFile?: string;
          json?: boolean;
          rubric?: string;
          lang?: string;
        },
      ) => {
        const lang = parseLang(opts.lang);
        refuseUnlessXlsxName(opts.output);
        refuseOverwrite(opts.output, opts.force);
        if (opts.passwordFile) refuseOverwrite(opts.passwordFile, opts.force);
        const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
        const panel = readPanelFile(panelPath, rubric);
        const password = generatePassword();
        const built = usable(panelPath, () =>
          buildWorkbook(panel, { now: localTimestamp(), user: currentUser(), password, lang }),
        );
        const bytes = await specToBytes(built.spec);
        await writeNewWorkbook(opts.output, 'build', bytes);
        if (opts.passwordFile) writeAtomically(opts.passwordFile, `${password}\n`);
        // The confirmation is part of the result on stdout; with --json, stdout holds the JSON alone.
        const say = opts.json ? ctx.io.stderr : ctx.io.stdout;
        const sheets = built.spec.sheets.length;
        say(
          lang === 'en'
            ? `Wrote ${opts.output} (${sheets} sheets). Sheet protection password${
                opts.passwordFile ? ` written to ${opts.passwordFile}` : `: ${password}`
              } (the secretariat keeps it safe; neither the workbook nor the log holds it).\n`
            : `已生成 ${opts.output}（${sheets} 个工作表）。工作表保护密码${
                opts.passwordFile ? `已写入 ${opts.passwordFile}` : `：${password}`
              }（请秘书处妥善保管，工作簿和日志中都不保存它）。\n`,
        );
        for (const f of built.dropped)
          ctx.io.stderr(lang === 'en' ? `Not written to the workbook: ${f.message}\n` : `未写入工作簿：${f.message}\n`);
        printResult(ctx, built.compute.panel, built.compute.json, opts.json === true, lang);
        if (built.dropped.length > 0) ctx.setExit(1);
      },
    );
}
