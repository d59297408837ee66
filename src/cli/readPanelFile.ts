import { readFileSync, statSync } from 'node:fs';
import { PanelError, parsePanel, RubricError, validateRubric, type Panel, type Rubric } from '../core';
import { UsageError } from './usageError';

const MAX_BYTES = 256 * 1024 * 1024;

/** What each kind of input file is called in English refusals. */
const WHAT_EN: Record<string, string> = {
  工作簿: 'Workbook',
  'CSV 文件': 'CSV file',
  评分表文件: 'Rubric file',
  面板文件: 'Panel file',
};

function inEnglish(what: string): string {
  return WHAT_EN[what] ?? what;
}

export function readBytes(path: string, what: string): Buffer {
  checkFile(path, what);
  return readFileSync(path);
}

function checkFile(path: string, what: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UsageError(`${what} ${path} 不是文件。`, `${inEnglish(what)} ${path} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`找不到${what} ${path}。`, `${inEnglish(what)} ${path} not found.`);
  }
  if (size > MAX_BYTES)
    throw new UsageError(
      `${what} ${path} 超过 256 MB，不像是评价数据。`,
      `${inEnglish(what)} ${path} is over 256 MB; it is not evaluation data.`,
    );
}

export function readText(path: string, what: string): string {
  checkFile(path, what);
  const buf = readFileSync(path);
  // A UTF-8 byte-order mark is what Notepad on Chinese Windows writes; it is not part of the JSON.
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    throw new UsageError(
      `${what} ${path} 不是有效的 JSON${line ? `（第 ${line} 行附近有错）` : ''}。`,
      `${inEnglish(what)} ${path} is not valid JSON${line ? ` (an error near line ${line})` : ''}.`,
    );
  }
}

export function readRubricFile(path: string): Rubric {
  try {
    return validateRubric(readJson(path, '评分表文件'));
  } catch (e) {
    if (e instanceof RubricError)
      throw new UsageError(
        `评分表文件 ${path} 不可用：${e.message}。`,
        `Rubric file ${path} cannot be used: ${e.messageEn}.`,
      );
    throw e;
  }
}

export function readPanelFile(path: string, rubric?: Rubric): Panel {
  const json = readJson(path, '面板文件');
  try {
    return parsePanel(json, { rubric });
  } catch (e) {
    if (e instanceof PanelError)
      throw new UsageError(
        `面板文件 ${path} 不可用：${e.message}。`,
        `Panel file ${path} cannot be used: ${e.messageEn}.`,
      );
    throw e;
  }
}
