import type { Lang } from '../core/engine/findings';
import { UsageError } from './usageError';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What every command gets: where to print, in which language, and how to set the exit code. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
  /** From the command's `--lang`, read before the command runs so that refusals are in it too. */
  lang: Lang;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh';
  if (value === 'en' || value === 'en-US') return 'en';
  // Whoever asked for another language may read neither; the sentence is given in both.
  const both = `不认识的语言“${value}”，可用 zh 或 en。Unknown language "${value}"; use zh or en.`;
  throw new UsageError(both, both);
}

/** The `--lang` an argument list asks for, `zh` when none or one not understood (the command then refuses it). */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined) return value === 'en' || value === 'en-US' ? 'en' : 'zh';
  }
  return 'zh';
}

/** The text for the context's language. */
export function say(ctx: { lang: Lang }, zh: string, en: string): string {
  return ctx.lang === 'en' ? en : zh;
}
