import {
  escapeXml,
  insertInto,
  insertionPoint,
  NS,
  prefixOf,
  rootAndChildren,
  splice,
  walkXml,
  withAttribute,
  type XmlElement,
} from './xml';

// The workbook part (xl/workbook.xml, CT_Workbook, ECMA-376 Part 1, 18.2.27): its sheet list, defined names,
// settings. Edits splice single elements and attributes, leaving the rest of the part as it was.

/** The children of CT_Workbook in schema order. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

export interface WorkbookSheetEntry {
  name: string;
  sheetId: number;
  /** The relationship id (r:id) of the sheet's part. */
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookInfo {
  /** The root element's namespace: transitional SpreadsheetML, or Strict OOXML's. */
  namespace: string;
  sheets: WorkbookSheetEntry[];
  date1904: boolean;
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

export function readWorkbookPart(text: string, part: string): WorkbookInfo {
  const sheets: WorkbookSheetEntry[] = [];
  let namespace = '';
  let date1904 = false;
  walkXml(text, part, {
    open(el) {
      if (el.depth === 0) namespace = el.uri;
      if (el.uri !== NS.main && el.uri !== NS.strictMain) return;
      if (el.local === 'workbookPr') date1904 = truthy(el.attrs.date1904);
      if (el.local === 'sheet' && el.depth === 2) {
        const state = el.attrs.state;
        sheets.push({
          name: el.attrs.name ?? '',
          sheetId: Number(el.attrs.sheetId ?? 0),
          rid:
            el.nsAttrs[`${NS.rel}|id`] ??
            el.nsAttrs[`http://purl.oclc.org/ooxml/officeDocument/relationships|id`] ??
            '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        });
      }
    },
  });
  return { namespace, sheets, date1904 };
}

interface Located {
  el: XmlElement;
  end: number;
}

/** Elements of the main namespace by local name, with spans, in document order. */
function locate(text: string, part: string, locals: string[]): Map<string, Located[]> {
  const out = new Map<string, Located[]>(locals.map((l) => [l, []]));
  walkXml(text, part, {
    close(el, end) {
      if (el.uri === NS.main && out.has(el.local)) out.get(el.local)!.push({ el, end });
    },
  });
  return out;
}

/** The prefix bound to the relationships namespace in the part, declaring one on the root when there is none. */
function relationshipPrefix(text: string, part: string): { text: string; prefix: string } {
  let prefix: string | null = null;
  walkXml(text, part, {
    open(el) {
      if (el.depth !== 0) return;
      const m = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*(["'])${NS.rel.replace(/[./]/g, '\\$&')}\\2`).exec(
        text.slice(el.start, el.openEnd),
      );
      if (m) prefix = m[1];
    },
  });
  if (prefix) return { text, prefix };
  const tree = rootAndChildren(text, part);
  const tag = text.slice(tree.root.start, tree.root.openEnd);
  const fixed = tag.replace(/^(<[^\s/>]+)/, `$1 xmlns:r="${NS.rel}"`);
  return { text: text.slice(0, tree.root.start) + fixed + text.slice(tree.root.openEnd), prefix: 'r' };
}

/**
 * The workbook part with a sheet added to the sheet list at `index` (0-based; the list's length appends). Sheet
 * indexes elsewhere in the part (defined names' localSheetId, the active and first sheet of each view) move with
 * the sheets they point at.
 */
export function insertSheet(
  source: string,
  part: string,
  index: number,
  sheet: { name: string; sheetId: number; rid: string },
): string {
  const { text, prefix: r } = relationshipPrefix(source, part);
  const found = locate(text, part, ['sheets', 'sheet', 'definedName', 'workbookView']);
  const sheetsEl = found.get('sheets')![0];
  if (!sheetsEl) throw new Error(`${part} has no <sheets>`);
  const list = found.get('sheet')!;
  const p = prefixOf(sheetsEl.el);
  const el = `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${sheet.sheetId}" ${r}:id="${escapeXml(sheet.rid)}"/>`;
  const edits: { start: number; end: number; text: string }[] = [];
  const shift = (loc: Located, attr: string): void => {
    const v = loc.el.attrs[attr];
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < index) return;
    const tag = text.slice(loc.el.start, loc.el.openEnd);
    edits.push({ start: loc.el.start, end: loc.el.openEnd, text: withAttribute(tag, attr, String(Number(v) + 1)) });
  };
  for (const d of found.get('definedName')!) shift(d, 'localSheetId');
  for (const v of found.get('workbookView')!) {
    shift(v, 'activeTab');
    shift(v, 'firstSheet');
  }
  if (sheetsEl.el.selfClosing) {
    const open = text.slice(sheetsEl.el.start, sheetsEl.el.openEnd).replace(/\s*\/>$/, '>');
    edits.push({ start: sheetsEl.el.start, end: sheetsEl.end, text: `${open}${el}</${sheetsEl.el.qname}>` });
  } else {
    const at = index < list.length ? list[index].el.start : sheetsEl.end - `</${sheetsEl.el.qname}>`.length;
    edits.push({ start: at, end: at, text: el });
  }
  return splice(text, edits);
}

/**
 * The workbook part with the print titles (`_xlnm.Print_Titles`) of the sheet at `index` set to `value`, or
 * removed when `value` is null.
 */
export function setPrintTitles(text: string, part: string, index: number, value: string | null): string {
  const found = locate(text, part, ['definedNames', 'definedName']);
  const mine = found
    .get('definedName')!
    .filter((d) => d.el.attrs.name === '_xlnm.Print_Titles' && d.el.attrs.localSheetId === String(index));
  let out = splice(
    text,
    mine.map((d) => ({ start: d.el.start, end: d.end, text: '' })),
  );
  if (value === null) return out;
  const names = locate(out, part, ['definedNames']).get('definedNames')![0];
  if (names) {
    const p = prefixOf(names.el);
    const el = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(value)}</${p}definedName>`;
    const at = names.el.selfClosing ? names.el.start : names.end - `</${names.el.qname}>`.length;
    return insertInto(out, names.el, at, el);
  }
  const tree = rootAndChildren(out, part);
  const p = prefixOf(tree.root);
  const el = `<${p}definedNames><${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(value)}</${p}definedName></${p}definedNames>`;
  out = insertInto(out, tree.root, insertionPoint(tree, WORKBOOK_ORDER, 'definedNames'), el);
  return out;
}

/**
 * The workbook part asking every program to recalculate on opening (`<calcPr fullCalcOnLoad="1"/>`): cached
 * results of formulas over cells a command changed would otherwise show until a manual recalculation.
 */
export function requestFullCalcOnLoad(text: string, part: string): string {
  const calc = locate(text, part, ['calcPr']).get('calcPr')![0];
  if (calc) {
    if (truthy(calc.el.attrs.fullCalcOnLoad)) return text;
    const tag = text.slice(calc.el.start, calc.el.openEnd);
    return splice(text, [
      { start: calc.el.start, end: calc.el.openEnd, text: withAttribute(tag, 'fullCalcOnLoad', '1') },
    ]);
  }
  const tree = rootAndChildren(text, part);
  const p = prefixOf(tree.root);
  return insertInto(
    text,
    tree.root,
    insertionPoint(tree, WORKBOOK_ORDER, 'calcPr'),
    `<${p}calcPr fullCalcOnLoad="1"/>`,
  );
}
