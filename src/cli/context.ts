import type { Lang } from '../core/engine/findings';
import { UsageError } from './usageError';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What every command gets: where to print and how to set the exit code. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh';
  if (value === 'en' || value === 'en-US') return 'en';
  throw new UsageError(`不认识的语言“${value}”，可用 zh 或 en。`);
}
