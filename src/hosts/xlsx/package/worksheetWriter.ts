import { a1, columnLetter, parseA1 } from '../../../workbook/address';
import type { CellSpec, SheetSpec, ValidationSpec } from '../../../workbook/model';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

// A sheet description written as a worksheet part (CT_Worksheet, ECMA-376 Part 1, 18.3.1.99), every element in the
// order the schema's sequence requires: strings are always text (inline strings, never formulas), formulas carry
// the engine's result as their cached value, formulas filled down a column are stored once as a shared formula
// (18.3.1.40), input cells are unlocked, validation, conditional formats, freeze panes, tables and print setup.

/** Attributes of `<sheetProtection>` for a sheet protected without a password. */
export const PROTECTION_WITHOUT_PASSWORD = 'sheet="1" formatColumns="0" formatRows="0"';

/** Elements of CT_Worksheet that follow <sheetData>, in schema order (18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/**
 * Elements of a sheet being replaced that point at other parts (drawings and charts, comments, pictures,
 * controls, tables) or extend it (extLst): kept, so what an office added to one of our sheets survives a rewrite.
 */
export const KEPT_ON_REWRITE = [
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/** A shared formula being written: the master's si and the cells it covers. */
interface SharedRun {
  si: number;
  ref: string;
}

function cellXml(ref: string, spec: CellSpec, style: number, shared?: SharedRun | number): string {
  const s = style ? ` s="${style}"` : '';
  if (spec.formula !== undefined) {
    const f =
      shared === undefined
        ? `<f>${escapeXml(spec.formula)}</f>`
        : typeof shared === 'number'
          ? `<f t="shared" si="${shared}"/>`
          : `<f t="shared" ref="${shared.ref}" si="${shared.si}">${escapeXml(spec.formula)}</f>`;
    const r = spec.result;
    if (typeof r === 'number' && Number.isFinite(r)) return `<c r="${ref}"${s}>${f}<v>${r}</v></c>`;
    if (typeof r === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    if (typeof r === 'string' && r !== '') return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(r)}</v></c>`;
    return `<c r="${ref}"${s}>${f}</c>`;
  }
  const v = spec.value;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string' && v !== '')
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  return style ? `<c r="${ref}"${s}/>` : '';
}

/**
 * The hidden cells of each merge that the description leaves empty, given the style of the merge's first cell, as
 * Excel (and ExcelJS) store them: borders and fills then cover the whole merged area. By row, then column.
 */
function mergedCells(spec: SheetSpec): Map<number, Map<number, CellSpec>> {
  const out = new Map<number, Map<number, CellSpec>>();
  for (const m of spec.merges ?? []) {
    const [from, to = from] = m.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    const master = spec.rows[a.row - 1]?.[a.column - 1];
    if (!master?.style && master?.locked !== false) continue;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.column; c <= b.column; c++) {
        if (spec.rows[r - 1]?.[c - 1]) continue;
        if (!out.has(r)) out.set(r, new Map());
        out.get(r)!.set(c, { style: master.style, locked: master.locked });
      }
    }
  }
  return out;
}

const LETTERS: string[] = [];

/** Column letters by column number, computed once. */
function letters(column: number): string {
  return (LETTERS[column] ??= columnLetter(column));
}

const encoder = new TextEncoder();

/**
 * UTF-8 bytes collected from many small strings. Text is turned into bytes every few thousand characters, so a
 * sheet of 2,000 rows never exists as one JavaScript string (twice its size in UTF-16) besides its bytes.
 */
class ByteSink {
  private readonly parts: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 16_384) this.flush();
  }

  private flush(): void {
    this.parts.push(encoder.encode(this.pending.join('')));
    this.pending = [];
    this.pendingLength = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.parts.reduce((a, p) => a + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/**
 * Runs of formula cells marked as one formula filled down a column (CellSpec.filledDown): by column, the first row of
 * each run of consecutive rows with the same mark, and how far it goes.
 */
function sharedRuns(spec: SheetSpec): Map<string, SharedRun | number> {
  const out = new Map<string, SharedRun | number>();
  const width = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  let si = 0;
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < spec.rows.length) {
      const key = spec.rows[r]?.[c]?.filledDown;
      if (key === undefined || spec.rows[r]![c]!.formula === undefined) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < spec.rows.length && spec.rows[end + 1]?.[c]?.filledDown === key) end++;
      if (end > r) {
        const id = si++;
        out.set(`${r}|${c}`, { si: id, ref: `${letters(c + 1)}${r + 1}:${letters(c + 1)}${end + 1}` });
        for (let k = r + 1; k <= end; k++) out.set(`${k}|${c}`, id);
      }
      r = end + 1;
    }
  }
  return out;
}

function writeSheetData(sink: ByteSink, spec: SheetSpec, styles: StyleBook): void {
  const heights = spec.rowHeights ?? {};
  const merged = mergedCells(spec);
  const shared = sharedRuns(spec);
  const rowNumbers = new Set<number>(spec.rows.map((_r, i) => i + 1));
  for (const r of Object.keys(heights)) rowNumbers.add(Number(r));
  for (const r of merged.keys()) rowNumbers.add(r);
  sink.push('<sheetData>');
  for (const r of [...rowNumbers].sort((a, b) => a - b)) {
    const cells: string[] = [];
    const row = spec.rows[r - 1] ?? [];
    const extra = merged.get(r);
    const width = extra ? Math.max(row.length, ...extra.keys()) : row.length;
    for (let i = 0; i < width; i++) {
      const c = row[i] ?? extra?.get(i + 1);
      if (c)
        cells.push(
          cellXml(`${letters(i + 1)}${r}`, c, styles.xf(c.style, c.locked !== false), shared.get(`${r - 1}|${i}`)),
        );
    }
    const h = heights[r];
    if (cells.length === 0 && h === undefined) continue;
    const height = h !== undefined ? ` ht="${h}" customHeight="1"` : '';
    sink.push(`<row r="${r}"${height}>${cells.join('')}</row>`);
  }
  sink.push('</sheetData>');
}

function colsXml(widths: readonly (number | undefined)[]): string {
  const runs: string[] = [];
  for (let i = 0; i < widths.length;) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w) runs.push(`<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`);
    i = j + 1;
  }
  return runs.length > 0 ? `<cols>${runs.join('')}</cols>` : '';
}

function viewXml(freeze: SheetSpec['freeze']): string {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) {
    return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  }
  const pane = freeze.rows > 0 && freeze.columns > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
  const x = freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : '';
  const y = freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : '';
  const topLeft = a1(freeze.rows + 1, freeze.columns + 1);
  return `<sheetViews><sheetView workbookViewId="0"><pane${x}${y} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function validationXml(ref: string, rule: ValidationSpec): string {
  const attrs: string[] = [];
  let formulas = '';
  switch (rule.type) {
    case 'whole':
    case 'decimal':
      attrs.push(`type="${rule.type}"`);
      formulas = `<formula1>${rule.min ?? 0}</formula1><formula2>${rule.max ?? 0}</formula2>`;
      break;
    case 'list':
      attrs.push('type="list"');
      formulas = `<formula1>${escapeXml(`"${(rule.list ?? []).join(',')}"`)}</formula1>`;
      break;
    case 'custom':
      attrs.push('type="custom"');
      formulas = `<formula1>${escapeXml(rule.formula ?? 'TRUE')}</formula1>`;
      break;
  }
  // errorStyle is left at its default, stop (ST_DataValidationErrorStyle: stop, warning, information). Excel
  // shows at most 32 characters of a title and 255 of a message, and repairs a file with longer ones.
  if (rule.allowBlank) attrs.push('allowBlank="1"');
  if (rule.prompt) {
    attrs.push('showInputMessage="1"');
    attrs.push(
      `promptTitle="${escapeXml((rule.promptTitle ?? '').slice(0, 32))}"`,
      `prompt="${escapeXml(rule.prompt.slice(0, 255))}"`,
    );
  }
  attrs.push(
    'showErrorMessage="1"',
    `errorTitle="${escapeXml(rule.errorTitle.slice(0, 32))}"`,
    `error="${escapeXml(rule.error.slice(0, 255))}"`,
  );
  return `<dataValidation ${attrs.join(' ')} sqref="${ref}">${formulas}</dataValidation>`;
}

function breaksXml(element: 'rowBreaks' | 'colBreaks', before: readonly number[], max: number): string {
  const ids = before.filter((x) => x > 1);
  if (ids.length === 0) return '';
  // A break's id is the last row (column) before it, which is the 0-based index of the first one after it.
  const brks = ids.map((x) => `<brk id="${x - 1}" max="${max}" man="1"/>`).join('');
  return `<${element} count="${ids.length}" manualBreakCount="${ids.length}">${brks}</${element}>`;
}

function printXml(print: SheetSpec['print']): string {
  const margins = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  if (!print) return margins;
  const order = print.overThenDown ? ' pageOrder="overThenDown"' : '';
  const setup = `<pageSetup paperSize="9" scale="${print.scale}"${order} orientation="${print.orientation}"/>`;
  return `${margins}${setup}${breaksXml('rowBreaks', print.breaksBefore ?? [], 16383)}${breaksXml(
    'colBreaks',
    print.breaksBeforeColumns ?? [],
    1048575,
  )}`;
}

/**
 * The worksheet part (as UTF-8 bytes) of a sheet description. `protection` holds the `<sheetProtection>`
 * attributes to use when the sheet is protected (the workbook's password hash); `tail` is what goes after the
 * print setup (drawings, table parts, extensions), already in schema order and using the prefix `r` for
 * relationships.
 */
export function worksheetXml(
  spec: SheetSpec,
  styles: StyleBook,
  protection: string,
  tail = '',
  declarations = '',
): Uint8Array {
  const lastColumn = spec.rows.reduce((m, r) => Math.max(m, r.length), 1);
  const lastRow = Math.max(1, spec.rows.length);
  const sheetPr = [spec.tabColor ? `<tabColor rgb="FF${spec.tabColor}"/>` : ''].join('');
  const merges = spec.merges ?? [];
  const validations = spec.validations ?? [];
  const formats = spec.conditionalFormats ?? [];
  const sink = new ByteSink();
  sink.push(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"${declarations ? ` ${declarations}` : ''}>`,
      sheetPr ? `<sheetPr>${sheetPr}</sheetPr>` : '',
      `<dimension ref="A1:${a1(lastRow, lastColumn)}"/>`,
      viewXml(spec.freeze),
      '<sheetFormatPr defaultRowHeight="15"/>',
      colsXml(spec.columns ?? []),
    ].join(''),
  );
  writeSheetData(sink, spec, styles);
  sink.push(
    [
      spec.protection
        ? `<sheetProtection ${spec.protection.withPassword ? protection : PROTECTION_WITHOUT_PASSWORD}/>`
        : '',
      merges.length > 0
        ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
        : '',
      formats
        .map(
          (cf, i) =>
            `<conditionalFormatting sqref="${cf.ref}"><cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${i + 1}"><formula>${escapeXml(cf.formula)}</formula></cfRule></conditionalFormatting>`,
        )
        .join(''),
      validations.length > 0
        ? `<dataValidations count="${validations.length}">${validations.map((v) => validationXml(v.ref, v.rule)).join('')}</dataValidations>`
        : '',
      printXml(spec.print),
      tail,
      '</worksheet>',
    ].join(''),
  );
  return sink.bytes();
}

/** The `_xlnm.Print_Titles` value of a sheet ("'名称'!$B:$C,'名称'!$1:$5", columns first as Excel writes it), or null. */
export function printTitles(spec: SheetSpec): string | null {
  const quoted = `'${spec.name.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  const cols = spec.print?.titleColumns;
  if (cols) parts.push(`${quoted}!$${columnLetter(cols[0])}:$${columnLetter(cols[1])}`);
  const rows = spec.print?.titleRows;
  if (rows) {
    const [from, to = from] = rows.split(':').map((x) => x.replace(/\$/g, ''));
    parts.push(`${quoted}!$${from}:$${to}`);
  }
  return parts.length > 0 ? parts.join(',') : null;
}
