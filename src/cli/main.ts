import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { useCodec } from '../hosts/xlsx/package/container';
import { nodeCodec } from '../hosts/xlsx/package/nodeCodec';
import { registerAdvance } from './commands/advance';
import { registerAudit } from './commands/audit';
import { registerBuild } from './commands/build';
import { registerCompute } from './commands/compute';
import { registerDraw, registerRoundSheets } from './commands/draw';
import { registerExpertFiles } from './commands/expertFiles';
import { registerFormal } from './commands/formal';
import { registerImport } from './commands/importCsv';
import { registerInit } from './commands/init';
import { registerPublication } from './commands/publication';
import { registerScore } from './commands/score';
import { registerScores } from './commands/scores';
import { registerStatus } from './commands/status';
import { langOfArgv, parseLang, type CommandContext, type Io } from './context';
import type { Lang } from '../core/engine/findings';
import { UsageError } from './usageError';

export type { Io } from './context';

// Node's own zlib inflates and deflates the package's parts several times faster than the portable codec.
useCodec(nodeCodec);

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** The package's version, from package.json beside the compiled (dist/) or source (src/) tree. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

function buildProgram(ctx: CommandContext): Command {
  const program = new Command('ceeas')
    .description('企业科技创新成果转化评价（T/CEEAS 附录 B）：评分、汇总、复核与公示')
    .version(`ceeas ${version()}`, '-V, --version', '显示版本')
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: () => undefined })
    .showHelpAfterError(false)
    // A language not understood is refused before any command runs (it would otherwise fall back to Chinese).
    .hook('preAction', (_program, action) => void parseLang(action.opts<{ lang?: string }>().lang));
  registerScore(program, ctx);
  registerInit(program, ctx);
  registerBuild(program, ctx);
  registerCompute(program, ctx);
  registerExpertFiles(program, ctx);
  registerAudit(program, ctx);
  registerDraw(program, ctx);
  registerRoundSheets(program, ctx);
  registerPublication(program, ctx);
  registerAdvance(program, ctx);
  registerFormal(program, ctx);
  registerImport(program, ctx);
  registerStatus(program, ctx);
  registerScores(program, ctx);
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: () => undefined });
    // Every command speaks both languages; those whose output the engine composes declare --lang themselves.
    if (!sub.options.some((o) => o.long === '--lang')) sub.option('--lang <lang>', '输出语言：zh 或 en', 'zh');
  }
  return program;
}

/** Runs the CLI; returns the exit code (0 no error finding, 1 error findings, 2 unusable input). */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const lang = langOfArgv(argv);
  const program = buildProgram({ io, setExit: (c) => (code = c), lang });
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      io.stderr(`${commanderSentence(e, lang)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`${lang === 'en' && e.en ? e.en : e.message}\n`);
      return 2;
    }
    if (process.env.CEEAS_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    const why = (e as Error).message || String(e);
    io.stderr(lang === 'en' ? `Could not finish: ${why}.\n` : `无法完成：${why}。\n`);
    return 2;
  }
}

function commanderSentence(e: CommanderError, lang: Lang): string {
  const m = /'([^']+)'/.exec(e.message);
  const what = m?.[1] ?? '';
  const en = lang === 'en';
  switch (e.code) {
    case 'commander.unknownCommand':
      return en ? `There is no command ${what}; see ceeas --help.` : `没有命令 ${what}，可用命令见 ceeas --help。`;
    case 'commander.unknownOption':
      return en ? `Unknown option ${what}; see ceeas --help.` : `不认识的选项 ${what}，见 ceeas --help。`;
    case 'commander.missingArgument':
      return en ? `Missing argument ${what}; see ceeas --help.` : `缺少参数 ${what}，见 ceeas --help。`;
    case 'commander.missingMandatoryOptionValue':
      return en ? `Missing required option ${what}; see ceeas --help.` : `缺少必需的选项 ${what}，见 ceeas --help。`;
    case 'commander.optionMissingArgument':
      return en ? `Option ${what} needs a value.` : `选项 ${what} 需要一个值。`;
    case 'commander.excessArguments':
      return en ? 'Too many arguments; see ceeas --help.' : '参数过多，见 ceeas --help。';
    default:
      return e.message.replace(/^error:\s*/, '');
  }
}

export function main(): void {
  run(process.argv.slice(2)).then(
    (c) => {
      process.exitCode = c;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
