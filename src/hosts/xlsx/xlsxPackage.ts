import { posix } from 'node:path';
import type { WorkbookData } from '../../workbook/model';
import { readSheetMeta, readSheetXml, sheetProtectionTag, type CellContext } from './sheetReader';
import { refuseUnlessZip, XlsxError } from './xlsxError';
import { attribute, attributes, elements, runText } from './xmlText';
import { DEFAULT_LIMITS, entryBytes, readZip, ZipError, type ZipEntry, type ZipLimits } from './zip';

// An .xlsx file opened as a package of parts, without ExcelJS: the workbook's sheet list, shared strings and the
// date formats are read once; worksheets are parsed only when asked for. The parts stay as compressed bytes so a
// writer can copy the ones it does not change.

export interface PackageSheet {
  name: string;
  /** Part name inside the zip, e.g. xl/worksheets/sheet3.xml. */
  part: string;
  /** The relationship id in xl/workbook.xml that points at the part. */
  rid: string;
}

export interface XlsxPackage {
  entries: Map<string, ZipEntry>;
  /** Part name of the workbook, normally xl/workbook.xml. */
  workbookPart: string;
  sheets: PackageSheet[];
  cells: CellContext;
}

const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const OFFICE_DOCUMENT = /\/officeDocument$/;

export function partText(pkg: Pick<XlsxPackage, 'entries'>, part: string): string | null {
  const e = pkg.entries.get(part);
  return e ? entryBytes(e).toString('utf8') : null;
}

/** The rels part that belongs to a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** Resolves a relationship target against the part it belongs to (targets may be relative or absolute). */
export function resolveTarget(part: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target));
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  return elements(xml, 'Relationship').map((r) => {
    const a = attributes(r.slice(0, r.indexOf('>')));
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
  });
}

// Number formats built into Excel that show dates or times (ECMA-376 18.8.30), as ExcelJS reads them.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when, outside quotes and [brackets], it uses a date or time letter. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    const a = attributes(f);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return out;
  elements(xfs[1], 'xf').forEach((xf, i) => {
    const id = Number(attribute(xf.slice(0, xf.indexOf('>') + 1), 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? runText(m[1]) : '');
  return out;
}

/** Opens an .xlsx file's bytes as a package; anything that is not a workbook becomes an XlsxError sentence. */
export function openPackage(bytes: Buffer, limits: ZipLimits = DEFAULT_LIMITS): XlsxPackage {
  refuseUnlessZip(bytes);
  try {
    const entries = readZip(bytes, limits);
    const pkg = { entries };
    const root = relationships(partText(pkg, '_rels/.rels')).find((r) => OFFICE_DOCUMENT.test(r.type));
    const workbookPart = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
    const workbookXml = partText(pkg, workbookPart);
    if (workbookXml === null) throw new XlsxError('压缩包里没有工作簿内容，不是 .xlsx 工作簿');
    if (!/<\/(?:\w+:)?workbook>\s*$/.test(workbookXml.slice(-64)))
      throw new XlsxError('工作簿的目录部分不完整，文件已损坏');
    const rels = relationships(partText(pkg, relsPartOf(workbookPart)));
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: PackageSheet[] = [];
    for (const tag of elements(workbookXml, 'sheet')) {
      const a = attributes(tag);
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = byId.get(rid);
      if (!rel || rel.type !== WORKSHEET || rel.external) continue;
      sheets.push({ name: a.name ?? '', part: resolveTarget(workbookPart, rel.target), rid });
    }
    if (sheets.length === 0) throw new XlsxError('工作簿中没有工作表');
    const target = (type: string): string | null => {
      const r = rels.find((x) => x.type.endsWith(`/${type}`));
      return r ? resolveTarget(workbookPart, r.target) : null;
    };
    const stringsPart = target('sharedStrings');
    const stylesPart = target('styles');
    const pr = /<workbookPr\b([^>]*)/.exec(workbookXml);
    const d1904 = pr ? attribute(pr[1], 'date1904') : undefined;
    return {
      entries,
      workbookPart,
      sheets,
      cells: {
        sharedStrings: sharedStrings(stringsPart ? partText(pkg, stringsPart) : null),
        dateStyles: dateStyles(stylesPart ? partText(pkg, stylesPart) : null),
        date1904: d1904 === '1' || d1904 === 'true',
      },
    };
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxError(e.message);
    throw e;
  }
}

function sheetXml(pkg: XlsxPackage, sheet: PackageSheet): string {
  const xml = partText(pkg, sheet.part);
  if (xml === null) throw new XlsxError(`工作表“${sheet.name}”的内容缺失，文件已损坏`);
  // The reader matches cells by pattern and would take a cut-off part for a shorter sheet; ExcelJS refuses it.
  if (!/<\/(?:\w+:)?worksheet>\s*$/.test(xml.slice(-64)))
    throw new XlsxError(`工作表“${sheet.name}”的内容不完整，文件已损坏`);
  return xml;
}

/**
 * Values and formulas of every sheet, in the workbook's order (with `withMeta`, also protection and validation for
 * the audit), and the `<sheetProtection>` attributes (password
 * hash, salt, spin count) of the first sheet protected with a password, or null: commands protect the sheets they
 * write with the workbook's own password without knowing it. Each sheet's XML is dropped once read.
 */
export function readPackageSheets(
  pkg: XlsxPackage,
  withMeta = false,
): { data: WorkbookData; protection: string | null } {
  let protection: string | null = null;
  try {
    const sheets = pkg.sheets.map((s) => {
      const xml = sheetXml(pkg, s);
      if (protection === null) {
        const tag = sheetProtectionTag(xml);
        if (tag && /\bhashValue=/.test(tag)) protection = tag;
      }
      const sheet = readSheetXml(s.name, xml, pkg.cells);
      return withMeta ? { ...sheet, meta: readSheetMeta(xml) } : sheet;
    });
    return { data: { sheets }, protection };
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxError(e.message);
    throw e;
  }
}
