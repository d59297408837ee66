import type { StyleSpec } from '../../../workbook/model';
import { escapeXml, insertInto, insertionPoint, NS, prefixOf, rootAndChildren, splice, walkXml } from './xml';

// The styles part (xl/styles.xml, CT_Stylesheet, 18.8.39): which cell formats show dates (read), and the cell
// formats a written sheet needs (added). Existing entries keep their indexes, since other sheets refer to them; a
// format identical to one already present is reused, so computing a workbook again does not make the part grow.

/** Number formats built into SpreadsheetML (18.8.30) that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Built-in number formats (18.8.30) that need no <numFmt> entry. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** A format code shows a date or time when, outside quotes, escapes and [brackets], it uses a date or time letter. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
  return /[ymdhsYMDHS]|上午|下午|AM\/PM|A\/P/.test(bare) && !/^[#0.,%E+\-\s]*$/.test(bare);
}

/** Indexes of cell formats (cellXfs) whose number format shows a date. */
export function readDateStyles(text: string | null, part: string): Set<number> {
  const out = new Set<number>();
  if (text === null) return out;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.main) return;
      if (el.local === 'numFmt') custom.set(Number(el.attrs.numFmtId), el.attrs.formatCode ?? '');
      else if (el.local === 'cellXfs') inCellXfs = true;
      else if (el.local === 'xf' && inCellXfs) xfs.push(Number(el.attrs.numFmtId ?? 0));
    },
    close(el) {
      if (el.uri === NS.main && el.local === 'cellXfs') inCellXfs = false;
    },
  });
  xfs.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}

const THIN = '<color rgb="FFBFBFBF"/>';
const BORDER = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;

/** The children of CT_Stylesheet in schema order. */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;

type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** One list of a styles part (fonts, fills, …): its items as written, and the ones added. */
class StyleList {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  added = 0;
  span: { start: number; end: number; qname: string } | null = null;

  constructor(readonly tag: ListName) {}

  load(items: string[]): void {
    items.forEach((x) => {
      this.items.push(x);
      if (!this.index.has(x)) this.index.set(x, this.items.length - 1);
    });
  }

  /** The index of an item, appended when not already present. */
  indexOf(item: string): number {
    let i = this.index.get(item);
    if (i === undefined) {
      i = this.items.push(item) - 1;
      this.index.set(item, i);
      this.added++;
    }
    return i;
  }
}

/** Our generated items are written without a prefix; in a part that uses one, they take the part's prefix. */
function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : xml;
}

function withoutPrefix(xml: string, prefix: string): string {
  return prefix ? xml.split(`<${prefix}`).join('<').split(`</${prefix}`).join('</') : xml;
}

export class StyleBook {
  private readonly lists: Record<ListName, StyleList> = {
    numFmts: new StyleList('numFmts'),
    fonts: new StyleList('fonts'),
    fills: new StyleList('fills'),
    borders: new StyleList('borders'),
    cellXfs: new StyleList('cellXfs'),
    dxfs: new StyleList('dxfs'),
  };
  private readonly prefix: string;
  private nextFormatId: number;
  private readonly lockedXf = new Map<string | undefined, number>();
  private readonly unlockedXf = new Map<string | undefined, number>();

  constructor(
    private readonly source: string,
    private readonly styles: Record<string, StyleSpec>,
    private readonly part = 'xl/styles.xml',
  ) {
    const tree = rootAndChildren(source, part);
    this.prefix = prefixOf(tree.root);
    const items = new Map<ListName, string[]>();
    let current: StyleList | null = null;
    walkXml(source, part, {
      open: (el) => {
        if (el.depth === 1 && el.uri === NS.main && el.local in this.lists) current = this.lists[el.local as ListName];
      },
      close: (el, end) => {
        if (el.depth === 2 && current) {
          const list = items.get(current.tag) ?? [];
          list.push(withoutPrefix(source.slice(el.start, end), prefixOf(el)));
          items.set(current.tag, list);
        } else if (el.depth === 1 && current && el.uri === NS.main && el.local === current.tag) {
          current.span = { start: el.start, end, qname: el.qname };
          current = null;
        }
      },
    });
    for (const [tag, list] of items) this.lists[tag].load(list);
    const l = this.lists;
    // Every styles part needs the default font, the two reserved fills, an empty border and a default format.
    if (l.fonts.items.length === 0) l.fonts.indexOf('<font><sz val="11"/><name val="Calibri"/></font>');
    if (l.fills.items.length === 0) {
      l.fills.indexOf('<fill><patternFill patternType="none"/></fill>');
      l.fills.indexOf('<fill><patternFill patternType="gray125"/></fill>');
    }
    if (l.borders.items.length === 0) l.borders.indexOf('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (l.cellXfs.items.length === 0)
      l.cellXfs.indexOf('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const ids = l.numFmts.items.map((f) => Number(/numFmtId\s*=\s*["'](\d+)/.exec(f)?.[1] ?? 0));
    this.nextFormatId = Math.max(163, ...ids) + 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const existing = this.lists.numFmts.items.find((f) => f.includes(`formatCode="${escapeXml(code)}"`));
    if (existing) return Number(/numFmtId\s*=\s*["'](\d+)/.exec(existing)?.[1]);
    const id = this.nextFormatId++;
    this.lists.numFmts.indexOf(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a named style (undefined: the default) with the cell locked or not. */
  xf(styleName: string | undefined, locked: boolean): number {
    const cache = locked ? this.lockedXf : this.unlockedXf;
    const cached = cache.get(styleName);
    if (cached !== undefined) return cached;
    const st: StyleSpec = (styleName && this.styles[styleName]) || {};
    const index = this.lists.cellXfs.indexOf(this.xfXml(st, locked));
    cache.set(styleName, index);
    return index;
  }

  private xfXml(st: StyleSpec, locked: boolean): string {
    const l = this.lists;
    const hasFont = !!(st.bold || st.italic || st.size || st.color);
    const font = hasFont
      ? l.fonts.indexOf(
          `<font>${st.bold ? '<b/>' : ''}${st.italic ? '<i/>' : ''}<sz val="${st.size ?? 11}"/>${st.color ? `<color rgb="FF${st.color}"/>` : ''}<name val="等线"/></font>`,
        )
      : 0;
    const fill = st.fill
      ? l.fills.indexOf(`<fill><patternFill patternType="solid"><fgColor rgb="FF${st.fill}"/></patternFill></fill>`)
      : 0;
    const border = st.border ? l.borders.indexOf(BORDER) : 0;
    const numFmt = st.numberFormat ? this.numFmtId(st.numberFormat) : 0;
    const align = [
      st.hAlign ? ` horizontal="${st.hAlign}"` : '',
      st.vAlign ? ` vertical="${st.vAlign === 'middle' ? 'center' : st.vAlign}"` : '',
      st.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applies = [
      numFmt ? ' applyNumberFormat="1"' : '',
      font ? ' applyFont="1"' : '',
      fill ? ' applyFill="1"' : '',
      border ? ' applyBorder="1"' : '',
      align ? ' applyAlignment="1"' : '',
      locked ? '' : ' applyProtection="1"',
    ].join('');
    const children = `${align ? `<alignment${align}/>` : ''}${locked ? '' : '<protection locked="0"/>'}`;
    const head = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}`;
    return children ? `${head}>${children}</xf>` : `${head}/>`;
  }

  /** The dxfs index of a named style used by conditional formatting (font colour and fill only). */
  dxf(styleName: string): number {
    const st: StyleSpec = this.styles[styleName] ?? {};
    const font = st.color ? `<font><color rgb="FF${st.color}"/></font>` : '';
    const fill = st.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${st.fill}"/></patternFill></fill>`
      : '';
    return this.lists.dxfs.indexOf(`<dxf>${font}${fill}</dxf>`);
  }

  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.added > 0);
  }

  /** The styles part with whatever was added; the unchanged text when nothing was. */
  xml(): string {
    if (!this.changed) return this.source;
    const edits: { start: number; end: number; text: string }[] = [];
    const missing: StyleList[] = [];
    for (const list of Object.values(this.lists)) {
      if (list.added === 0) continue;
      if (!list.span) {
        missing.push(list);
        continue;
      }
      const qname = list.span.qname;
      const original = this.source.slice(list.span.start, list.span.end);
      const open = original.slice(0, original.indexOf('>') + 1).replace(/\s*\/>$/, '>');
      const tag = open.replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, '').replace(/>$/, ` count="${list.items.length}">`);
      edits.push({
        start: list.span.start,
        end: list.span.end,
        text: `${tag}${list.items.map((x) => withPrefix(x, this.prefix)).join('')}</${qname}>`,
      });
    }
    let out = splice(this.source, edits);
    // A list the part lacks goes where the schema puts it.
    for (const list of missing) {
      const tree = rootAndChildren(out, this.part);
      const el = withPrefix(
        `<${list.tag} count="${list.items.length}">${list.items.join('')}</${list.tag}>`,
        this.prefix,
      );
      out = insertInto(out, tree.root, insertionPoint(tree, STYLESHEET_ORDER, list.tag), el);
    }
    return out;
  }
}

/** A minimal styles part for a new package. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';
