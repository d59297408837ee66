import { Command, CommanderError } from 'commander';
import { evaluate, toScoreJson, type Lang } from '../core';
import { readPanelFile, readRubricFile } from './readPanelFile';
import { renderScoreText } from './scoreText';
import { UsageError } from './usageError';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

function lang(value: string | undefined): Lang {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh';
  if (value === 'en' || value === 'en-US') return 'en';
  throw new UsageError(`不认识的语言“${value}”，可用 zh 或 en。`);
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('ceeas')
    .description('企业科技创新成果转化评价（T/CEEAS 附录 B）：评分、汇总、复核与公示')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => undefined })
    .showHelpAfterError(false);

  program
    .command('score')
    .description('按面板文件计算每个案例的轮次均分、综合得分 S 和评价等级')
    .argument('<panel>', '面板文件（JSON）')
    .option('--json', '输出 JSON（SPEC 第 6 节格式）')
    .option('--rubric <file>', '本单位的评分表（JSON），默认附录 B')
    .option('--lang <lang>', '提示语言：zh 或 en', 'zh')
    .action((panelPath: string, opts: { json?: boolean; rubric?: string; lang?: string }) => {
      const l = lang(opts.lang);
      const rubric = opts.rubric ? readRubricFile(opts.rubric) : undefined;
      const panel = readPanelFile(panelPath, rubric);
      const evaluation = evaluate(panel, { lang: l });
      const json = toScoreJson(panel, evaluation);
      io.stdout(opts.json ? `${JSON.stringify(json, null, 1)}\n` : `${renderScoreText(panel, json)}\n`);
      setExit(json.findings.some((f) => f.severity === 'error') ? 1 : 0);
    });

  return program;
}

/** Runs the CLI; returns the exit code (0 no error finding, 1 error findings, 2 unusable input). */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      io.stderr(`${commanderSentence(e)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    if (process.env.CEEAS_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    io.stderr(`无法完成：${(e as Error).message || String(e)}。\n`);
    return 2;
  }
}

function commanderSentence(e: CommanderError): string {
  const m = /'([^']+)'/.exec(e.message);
  switch (e.code) {
    case 'commander.unknownCommand':
      return `没有命令 ${m?.[1] ?? ''}，可用命令见 ceeas --help。`;
    case 'commander.unknownOption':
      return `不认识的选项 ${m?.[1] ?? ''}，见 ceeas --help。`;
    case 'commander.missingArgument':
      return `缺少参数 ${m?.[1] ?? ''}，见 ceeas --help。`;
    case 'commander.optionMissingArgument':
      return `选项 ${m?.[1] ?? ''} 需要一个值。`;
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
