import type { StyleSpec } from '../../workbook/model';
import { elements, escapeXml } from './xmlText';

// The styles part (xl/styles.xml) of a package, extended with the cell formats a written sheet needs. Existing
// entries are kept at their indexes (other sheets refer to them); a format identical to one already present is
// reused, so computing a workbook again does not make the part grow.

/** Built-in number formats (ECMA-376 18.8.30) that need no <numFmt> entry. */
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

const THIN = '<color rgb="FFBFBFBF"/>';
const BORDER = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;

/** One list of a styles part (fonts, fills, …) as element strings. */
class Section {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  private added = false;

  constructor(
    readonly tag: string,
    readonly child: string,
    xml: string,
  ) {
    const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
    this.items = m?.[1] ? elements(m[1], child) : [];
    this.items.forEach((x, i) => this.index.has(x) || this.index.set(x, i));
  }

  /** The index of an element, appended when not already present. */
  indexOf(element: string): number {
    let i = this.index.get(element);
    if (i === undefined) {
      i = this.items.push(element) - 1;
      this.index.set(element, i);
      this.added = true;
    }
    return i;
  }

  get changed(): boolean {
    return this.added;
  }

  xml(): string {
    return `<${this.tag} count="${this.items.length}">${this.items.join('')}</${this.tag}>`;
  }
}

// The order of the lists in a styles part (CT_Stylesheet); a list we add goes where the schema puts it.
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles'];

export class StyleBook {
  private readonly numFmts: Section;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly borders: Section;
  private readonly cellXfs: Section;
  private readonly dxfs: Section;
  private nextFormatId: number;
  /** cellXfs indexes by style name, for locked and unlocked cells: looked up once per cell written. */
  private readonly lockedXf = new Map<string | undefined, number>();
  private readonly unlockedXf = new Map<string | undefined, number>();

  constructor(
    private readonly source: string,
    private readonly styles: Record<string, StyleSpec>,
  ) {
    this.numFmts = new Section('numFmts', 'numFmt', source);
    this.fonts = new Section('fonts', 'font', source);
    this.fills = new Section('fills', 'fill', source);
    this.borders = new Section('borders', 'border', source);
    this.cellXfs = new Section('cellXfs', 'xf', source);
    this.dxfs = new Section('dxfs', 'dxf', source);
    // Every styles part needs the default font, the two reserved fills, an empty border and a default format.
    if (this.fonts.items.length === 0) this.fonts.indexOf('<font><sz val="11"/><name val="Calibri"/></font>');
    if (this.fills.items.length === 0) {
      this.fills.indexOf('<fill><patternFill patternType="none"/></fill>');
      this.fills.indexOf('<fill><patternFill patternType="gray125"/></fill>');
    }
    if (this.borders.items.length === 0)
      this.borders.indexOf('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (this.cellXfs.items.length === 0)
      this.cellXfs.indexOf('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const ids = this.numFmts.items.map((f) => Number(/numFmtId="(\d+)"/.exec(f)?.[1] ?? 0));
    this.nextFormatId = Math.max(163, ...ids) + 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const existing = this.numFmts.items.find((f) => f.includes(`formatCode="${escapeXml(code)}"`));
    if (existing) return Number(/numFmtId="(\d+)"/.exec(existing)?.[1]);
    const id = this.nextFormatId++;
    this.numFmts.indexOf(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a named style (undefined: the default) with the cell locked or not. */
  xf(styleName: string | undefined, locked: boolean): number {
    const cache = locked ? this.lockedXf : this.unlockedXf;
    const cached = cache.get(styleName);
    if (cached !== undefined) return cached;
    const st: StyleSpec = (styleName && this.styles[styleName]) || {};
    const index = this.cellXfs.indexOf(this.xfXml(st, locked));
    cache.set(styleName, index);
    return index;
  }

  private xfXml(st: StyleSpec, locked: boolean): string {
    const hasFont = !!(st.bold || st.italic || st.size || st.color);
    const font = hasFont
      ? this.fonts.indexOf(
          `<font>${st.bold ? '<b/>' : ''}${st.italic ? '<i/>' : ''}${st.color ? `<color rgb="FF${st.color}"/>` : ''}<sz val="${st.size ?? 11}"/><name val="等线"/></font>`,
        )
      : 0;
    const fill = st.fill
      ? this.fills.indexOf(`<fill><patternFill patternType="solid"><fgColor rgb="FF${st.fill}"/></patternFill></fill>`)
      : 0;
    const border = st.border ? this.borders.indexOf(BORDER) : 0;
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
    return this.dxfs.indexOf(`<dxf>${font}${fill}</dxf>`);
  }

  /** The styles part with whatever was added; unchanged text when nothing was. */
  xml(): string {
    let xml = this.source;
    const sections = [this.numFmts, this.fonts, this.fills, this.borders, this.cellXfs, this.dxfs];
    for (const s of sections) {
      if (!s.changed) continue;
      const re = new RegExp(`<${s.tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${s.tag}>)`);
      if (re.test(xml)) {
        xml = xml.replace(re, () => s.xml());
        continue;
      }
      // Absent list: insert it before the first list that follows it in schema order, or before </styleSheet>.
      const later = ORDER.slice(ORDER.indexOf(s.tag) + 1)
        .map((t) => xml.search(new RegExp(`<${t}\\b`)))
        .filter((i) => i >= 0);
      const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf('</styleSheet>');
      xml = `${xml.slice(0, at)}${s.xml()}${xml.slice(at)}`;
    }
    return xml;
  }
}

/** A minimal styles part for a new package. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';
