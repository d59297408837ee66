import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { excelJsBook } from './excelJsReader';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export function tmp(prefix = 'ceeas-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Exit 2: nothing on stdout, one plain Chinese sentence on stderr naming `mentions`, no stack trace. */
export function expectUnusable(r: Ran, mentions: string[] = []): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^[^\n]+\n$/);
  expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/\bat \S+ \(|Error:|\.ts:\d+|node:internal/);
  // NaN or undefined of our own making, not the input quoted back (“NaN”).
  expect(r.err.replace(/“[^”]*”/g, '“…”')).not.toMatch(/NaN|undefined|\[object/);
  for (const m of mentions) expect(r.err).toContain(m);
}

/** The bytes of a file, or null when it does not exist: compare before and after a refusal. */
export function bytesOf(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

/** Every part of an .xlsx package as UTF-8 text (sheets, shared strings, workbook, properties …). */
export function packageText(path: string): Map<string, string> {
  const out = new Map<string, string>();
  // fflate reads the archive independently of the package layer under test.
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(path)))))
    out.set(name, Buffer.from(bytes).toString('utf8'));
  return out;
}

/** The formulas written into a package, read from the raw sheet XML. */
export function rawFormulas(path: string): string[] {
  const formulas: string[] = [];
  for (const [name, xml] of packageText(path)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) formulas.push(m[1]);
  }
  return formulas;
}

export async function loadBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = await excelJsBook(readFileSync(path));
  return wb;
}

/** Every non-empty cell of a sheet: its address, ExcelJS type, value and (for formulas) cached result. */
export function cellsOf(ws: ExcelJS.Worksheet): { address: string; type: ExcelJS.ValueType; text: string }[] {
  const out: { address: string; type: ExcelJS.ValueType; text: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      // The cells under a merge echo its top-left cell in ExcelJS; a spreadsheet shows them empty.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      let text: string;
      if (v !== null && typeof v === 'object' && 'richText' in v) text = v.richText.map((r) => r.text).join('');
      else if (v !== null && typeof v === 'object' && 'formula' in v)
        // ExcelJS reads a cached 0 as no result at all.
        text = `=${v.formula} → ${v.result === undefined ? '' : JSON.stringify(v.result)}`;
      else if (v !== null && typeof v === 'object') text = JSON.stringify(v);
      else text = String(v);
      out.push({ address: cell.address, type: cell.type, text });
    }),
  );
  return out;
}

/** The XML part of a sheet, found by its name through xl/workbook.xml and its relationships. */
export function sheetXml(path: string, sheet: string): string {
  const parts = packageText(path);
  const workbook = parts.get('xl/workbook.xml')!;
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const escaped = sheet.replace(/&/g, '&amp;');
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escaped}"`));
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  const rel =
    rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return parts.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`)!;
}
