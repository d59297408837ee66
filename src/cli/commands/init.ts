import type { Command } from 'commander';
import { specToBytes } from '../../hosts/xlsx/writeWorkbook';
import type { WorkbookSpec } from '../../workbook/model';
import { setUpSheets } from '../../workbook/setUp';
import { workbookStyles } from '../../workbook/styles';
import { say, type CommandContext } from '../context';
import { currentUser, localTimestamp, refuseOverwrite, refuseUnlessXlsxName, writeAtomically } from '../files';
import { UsageError } from '../usageError';
import { writeNewWorkbook } from '../workbookFile';
import { generatePassword } from './build';

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description(
      '建立一个空的评价工作簿：附录 B 评分标准和待填写的登记表（与加载项的“设置工作簿”相同），之后导入案例和专家',
    )
    .argument('<book>', '要建立的工作簿（.xlsx）')
    .requiredOption('--title <title>', '评价名称，如“2027年度企业科技创新成果转化评价”')
    .option('--organizer <name>', '管理机构名称（公示和通知书落款）')
    .option('--force', '覆盖已存在的文件')
    .option('--password-file <file>', '把工作表保护密码写入此文件（否则只在屏幕上显示一次）')
    .action(
      async (book: string, opts: { title: string; organizer?: string; force?: boolean; passwordFile?: string }) => {
        refuseUnlessXlsxName(book);
        const title = opts.title.trim();
        if (title === '')
          throw new UsageError(
            '--title 不能为空：请写评价名称。',
            '--title cannot be empty: give the name of the evaluation.',
          );
        refuseOverwrite(book, opts.force);
        if (opts.passwordFile) refuseOverwrite(opts.passwordFile, opts.force);
        const password = generatePassword();
        const { sheets } = setUpSheets({
          title,
          organizer: opts.organizer?.trim() || undefined,
          existing: new Set(),
          now: localTimestamp(),
          user: currentUser(),
        });
        const spec: WorkbookSpec = { title, sheets, styles: workbookStyles(2), password };
        await writeNewWorkbook(book, 'init', await specToBytes(spec));
        if (opts.passwordFile) writeAtomically(opts.passwordFile, `${password}\n`);
        const names = sheets.map((s) => s.name);
        ctx.io.stdout(
          say(
            ctx,
            `已建立 ${book}（${names.join('、')}）。工作表保护密码${
              opts.passwordFile ? `已写入 ${opts.passwordFile}` : `：${password}`
            }（请秘书处妥善保管，工作簿和日志中都不保存它）。\n下一步：ceeas import ${book} --cases 案例.csv，ceeas import ${book} --experts 专家.csv。\n`,
            `Created ${book} (${names.join(', ')}). Sheet protection password${
              opts.passwordFile ? ` written to ${opts.passwordFile}` : `: ${password}`
            } (the secretariat keeps it safe; neither the workbook nor the log holds it).\nNext: ceeas import ${book} --cases cases.csv, ceeas import ${book} --experts experts.csv.\n`,
          ),
        );
        ctx.setExit(0);
      },
    );
}
