import { a1, columnLetter, parseA1 } from '../../workbook/address';
import type { CellSpec, SheetSpec, ValidationSpec } from '../../workbook/model';
import type { StyleBook } from './styleSheet';
import { escapeXml } from './xmlText';

// A sheet description written straight to worksheet XML (SpreadsheetML), with the same meaning as the ExcelJS
// host gives it: strings are always text (inline strings, never formulas), formulas carry the engine's result as
// their cached value, input cells are unlocked, validation, conditional formats, freeze panes and print setup.
// Tables and cell notes are not written here; a sheet that has them goes through the ExcelJS host.

/** Whether this writer can write the sheet; otherwise the ExcelJS host does. */
export function writableDirectly(spec: SheetSpec): boolean {
  return (spec.tables ?? []).length === 0 && !spec.rows.some((row) => row.some((c) => c?.note));
}

/** Attributes of `<sheetProtection>` for a sheet protected without a password, as the ExcelJS host writes it. */
export const PROTECTION_WITHOUT_PASSWORD = 'sheet="1" formatColumns="0" formatRows="0"';

function cellXml(ref: string, spec: CellSpec, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (spec.formula !== undefined) {
    const f = `<f>${escapeXml(spec.formula)}</f>`;
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

/**
 * UTF-8 bytes collected from many small strings. Text is turned into bytes every few thousand characters, so a
 * sheet of 2,000 rows never exists as one JavaScript string (twice its size in UTF-16) besides its bytes.
 */
class ByteSink {
  private readonly parts: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 16_384) this.flush();
  }

  private flush(): void {
    this.parts.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

function writeSheetData(sink: ByteSink, spec: SheetSpec, styles: StyleBook): void {
  const heights = spec.rowHeights ?? {};
  const merged = mergedCells(spec);
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
      if (c) cells.push(cellXml(`${letters(i + 1)}${r}`, c, styles.xf(c.style, c.locked !== false)));
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
  if (rule.allowBlank) attrs.push('allowBlank="1"');
  if (rule.prompt) {
    attrs.push('showInputMessage="1"');
    attrs.push(`promptTitle="${escapeXml(rule.promptTitle ?? '')}"`, `prompt="${escapeXml(rule.prompt)}"`);
  }
  attrs.push('showErrorMessage="1"', `errorTitle="${escapeXml(rule.errorTitle)}"`, `error="${escapeXml(rule.error)}"`);
  return `<dataValidation ${attrs.join(' ')} sqref="${ref}">${formulas}</dataValidation>`;
}

function printXml(print: SheetSpec['print']): string {
  const margins = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  if (!print) return margins;
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  const setup = `<pageSetup paperSize="9" orientation="${print.orientation}"${fit}/>`;
  const breaks = (print.breaksBefore ?? []).filter((r) => r > 1);
  const rowBreaks =
    breaks.length > 0
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks
          .map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`)
          .join('')}</rowBreaks>`
      : '';
  return `${margins}${setup}${rowBreaks}`;
}

/**
 * The worksheet XML (as UTF-8 bytes) of a sheet description. `protection` holds the `<sheetProtection>` attributes to use when the
 * sheet is protected (the workbook's password hash), elements in the order the schema requires.
 */
export function worksheetXml(spec: SheetSpec, styles: StyleBook, protection: string): Buffer {
  const lastColumn = spec.rows.reduce((m, r) => Math.max(m, r.length), 1);
  const lastRow = Math.max(1, spec.rows.length);
  const sheetPr = [
    spec.tabColor ? `<tabColor rgb="FF${spec.tabColor}"/>` : '',
    spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '',
  ].join('');
  const merges = spec.merges ?? [];
  const validations = spec.validations ?? [];
  const formats = spec.conditionalFormats ?? [];
  const sink = new ByteSink();
  sink.push(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
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
      '</worksheet>',
    ].join(''),
  );
  return sink.bytes();
}

/** The `_xlnm.Print_Titles` value of a sheet ("'名称'!$1:$5"), or null. */
export function printTitles(spec: SheetSpec): string | null {
  const rows = spec.print?.titleRows;
  if (!rows) return null;
  const [from, to = from] = rows.split(':').map((x) => x.replace(/\$/g, ''));
  const quoted = `'${spec.name.replace(/'/g, "''")}'`;
  return `${quoted}!$${from}:$${to}`;
}
