import { posix } from 'node:path';
import type { SheetSpec, StyleSpec } from '../../workbook/model';
import { EMPTY_STYLES, StyleBook } from './styleSheet';
import { printTitles, PROTECTION_WITHOUT_PASSWORD, worksheetXml, writableDirectly } from './sheetWriter';
import { partText, relationships, relsPartOf, resolveTarget, type XlsxPackage } from './xlsxPackage';
import { decodeXml, elements, escapeXml } from './xmlText';
import { DEFAULT_LEVEL, newEntry, writeZip, type ZipEntry } from './zip';

// Writes sheets into an existing package by replacing or adding only their parts: every other part (expert
// sheets, registers, tables, theme, anything another program put there) is copied with its compressed bytes as
// they were. The styles, the workbook (sheet list, print titles), its relationships and the content types are
// edited as text.

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${NS_REL}/worksheet`;
const STYLES_TYPE = `${NS_REL}/styles`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * Whether the sheets can be written by patching: the sheet writer can describe them, and a sheet they replace has
 * no parts of its own (comments, drawings, tables) that would be left pointing at cells that are gone.
 */
export function canPatch(pkg: XlsxPackage, sheets: SheetSpec[]): boolean {
  return sheets.every((spec) => {
    if (!writableDirectly(spec)) return false;
    const existing = pkg.sheets.find((s) => s.name === spec.name);
    return !existing || !pkg.entries.has(relsPartOf(existing.part));
  });
}

function text(pkg: XlsxPackage, part: string): string {
  return partText(pkg, part) ?? '';
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!rels.includes('</Relationships>'))
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
  return rels.replace('</Relationships>', `${rel}</Relationships>`);
}

function addOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return types.replace('</Types>', `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/></Types>`);
}

/** Excel's calculation chain lists formula cells; after sheets are rewritten it would be stale, and Excel rebuilds it. */
function dropCalcChain(
  workbookPart: string,
  rels: string,
  types: string,
): { rels: string; types: string; part: string | null } {
  const chain = relationships(rels).find((r) => r.type.endsWith('/calcChain'));
  if (!chain) return { rels, types, part: null };
  const part = resolveTarget(workbookPart, chain.target);
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    rels: rels.replace(/<Relationship\b[^>]*\/calcChain"[^>]*\/>/, ''),
    types: types.replace(new RegExp(`<Override\\b[^>]*PartName="/${escaped}"[^>]*/>`), ''),
    part,
  };
}

function setPrintTitles(workbook: string, index: number, value: string | null): string {
  const xml = workbook.replace(
    new RegExp(
      `<definedName\\b(?=[^>]*name="_xlnm.Print_Titles")(?=[^>]*localSheetId="${index}")[^>]*>[^<]*</definedName>`,
    ),
    '',
  );
  if (value === null) return xml;
  const name = `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(value)}</definedName>`;
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, `<definedNames>${name}</definedNames>`);
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${name}</definedNames>`);
  return xml.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
}

export interface PatchOptions {
  /** The `<sheetProtection>` attributes (with the password hash) for protected sheets; null: no password. */
  protection: string | null;
  /** Deflate level of the new parts: lower is faster, higher is smaller. */
  level?: number;
}

/** The package's bytes with the sheets replaced (same position) or added (at the end). */
export function patchPackage(
  pkg: XlsxPackage,
  sheets: SheetSpec[],
  styles: Record<string, StyleSpec>,
  options: PatchOptions,
): Buffer {
  // New content of each part to write (null: the part is dropped). Sheets are deflated as soon as they are written
  // so that only one sheet's XML text is held at a time.
  const parts = new Map<string, ZipEntry | string | null>();
  const level = options.level ?? DEFAULT_LEVEL;
  const wbPart = pkg.workbookPart;
  const relsPart = relsPartOf(wbPart);
  let workbook = text(pkg, wbPart);
  // Sheets we add name their part as r:id; make sure the prefix is declared.
  if (!/xmlns:r="/.test(workbook)) workbook = workbook.replace(/<workbook\b/, `<workbook xmlns:r="${NS_REL}"`);
  let rels = text(pkg, relsPart);
  let types = text(pkg, '[Content_Types].xml');

  let stylesRel = relationships(rels).find((r) => r.type === STYLES_TYPE);
  const ids = new Set(relationships(rels).map((r) => r.id));
  const freshId = (): string => {
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    ids.add(`rId${n}`);
    return `rId${n}`;
  };
  if (!stylesRel) {
    stylesRel = { id: freshId(), type: STYLES_TYPE, target: 'styles.xml', external: false };
    rels = addRelationship(rels, stylesRel.id, STYLES_TYPE, 'styles.xml');
    types = addOverride(types, posix.join(posix.dirname(wbPart), 'styles.xml'), STYLES_CONTENT);
  }
  const stylesPart = resolveTarget(wbPart, stylesRel.target);
  const book = new StyleBook(partText(pkg, stylesPart) ?? EMPTY_STYLES, styles);
  const protection = options.protection ?? PROTECTION_WITHOUT_PASSWORD;

  const names = (): string[] =>
    elements(workbook, 'sheet').map((t) => decodeXml(/\bname="([^"]*)"/.exec(t)?.[1] ?? ''));
  let sheetId = Math.max(0, ...elements(workbook, 'sheet').map((t) => Number(/\bsheetId="(\d+)"/.exec(t)?.[1] ?? 0)));
  const taken = new Set([...pkg.entries.keys()].map((p) => p.toLowerCase()));
  let partNumber = 1;

  for (const spec of sheets) {
    let part = pkg.sheets.find((s) => s.name === spec.name)?.part;
    if (!part) {
      while (taken.has(`xl/worksheets/sheet${partNumber}.xml`)) partNumber++;
      part = `xl/worksheets/sheet${partNumber}.xml`;
      taken.add(part);
      const id = freshId();
      rels = addRelationship(rels, id, WORKSHEET_TYPE, posix.relative(posix.dirname(wbPart), part));
      types = addOverride(types, part, WORKSHEET_CONTENT);
      workbook = workbook.replace(
        '</sheets>',
        `<sheet name="${escapeXml(spec.name)}" sheetId="${++sheetId}" r:id="${id}"/></sheets>`,
      );
    }
    parts.set(part, newEntry(part, worksheetXml(spec, book, protection), level));
    const index = names().indexOf(spec.name);
    if (index >= 0) workbook = setPrintTitles(workbook, index, printTitles(spec));
  }
  const withoutChain = dropCalcChain(wbPart, rels, types);
  if (withoutChain.part) parts.set(withoutChain.part, null);
  parts.set('[Content_Types].xml', withoutChain.types);
  rels = withoutChain.rels;
  parts.set(stylesPart, book.xml());
  parts.set(wbPart, workbook);
  parts.set(relsPart, rels);

  const entry = (name: string, content: ZipEntry | string): ZipEntry =>
    typeof content === 'string' ? newEntry(name, content, level) : content;
  const out: ZipEntry[] = [];
  for (const [name, kept] of pkg.entries) {
    const content = parts.get(name);
    if (content === undefined) out.push(kept);
    else if (content !== null) out.push(entry(name, content));
    parts.delete(name);
  }
  for (const [name, content] of parts) if (content !== null) out.push(entry(name, content));
  return writeZip(out);
}
