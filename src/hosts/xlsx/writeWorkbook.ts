import ExcelJS from 'exceljs';
import { parseA1 } from '../../workbook/address';
import type { CellSpec, SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from '../../workbook/model';
import { patchPackage } from './patchPackage';
import { passwordProtectionTag } from './sheetPassword';
import { writableDirectly } from './sheetWriter';
import { openPackage } from './xlsxPackage';

// The ExcelJS host: applies host-neutral sheet descriptions to a workbook. Kept thin on purpose: every decision
// about what a sheet holds is made in src/workbook.

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

function font(style: StyleSpec): Partial<ExcelJS.Font> | undefined {
  if (!style.bold && !style.italic && !style.size && !style.color) return undefined;
  return {
    name: '等线',
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    size: style.size ?? 11,
    ...(style.color ? { color: { argb: `FF${style.color}` } } : {}),
  };
}

function applyStyle(cell: ExcelJS.Cell, style: StyleSpec | undefined): void {
  if (!style) return;
  const f = font(style);
  if (f) cell.font = f;
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  if (style.hAlign || style.vAlign || style.wrap) {
    cell.alignment = {
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

function cellValue(spec: CellSpec): ExcelJS.CellValue {
  if (spec.formula !== undefined) {
    const result = spec.result === null || spec.result === undefined || spec.result === '' ? undefined : spec.result;
    return { formula: spec.formula, ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
  }
  // A string is stored as a shared string, never parsed: text that starts with = + - @ stays text.
  return spec.value === undefined ? null : spec.value;
}

function validation(rule: ValidationSpec): ExcelJS.DataValidation {
  const messages = {
    allowBlank: rule.allowBlank,
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: rule.errorTitle,
    error: rule.error,
    ...(rule.prompt ? { showInputMessage: true, promptTitle: rule.promptTitle ?? '', prompt: rule.prompt } : {}),
  };
  switch (rule.type) {
    case 'whole':
    case 'decimal':
      return {
        type: rule.type,
        operator: 'between',
        formulae: [rule.min ?? 0, rule.max ?? 0],
        ...messages,
      } as ExcelJS.DataValidation;
    case 'list':
      return { type: 'list', formulae: [`"${(rule.list ?? []).join(',')}"`], ...messages } as ExcelJS.DataValidation;
    case 'custom':
      return { type: 'custom', formulae: [rule.formula ?? 'TRUE'], ...messages } as ExcelJS.DataValidation;
  }
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  styles: Record<string, StyleSpec>,
  password?: string,
): void {
  spec.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = cellValue(c);
      applyStyle(cell, c.style ? styles[c.style] : undefined);
      if (c.locked === false) cell.protection = { locked: false };
      if (c.note) cell.note = c.note;
    });
  });
  (spec.columns ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  // One rule per range: written as a single <dataValidation sqref="E6:E1005">, as Excel itself stores it.
  const ranges = (ws as unknown as { dataValidations: { add: (ref: string, dv: ExcelJS.DataValidation) => void } })
    .dataValidations;
  for (const v of spec.validations ?? []) ranges.add(v.ref, validation(v.rule));
  for (const cf of spec.conditionalFormats ?? []) {
    const st = styles[cf.style] ?? {};
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [cf.formula],
          style: {
            ...(st.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${st.fill}` } } } : {}),
            ...(st.color ? { font: { color: { argb: `FF${st.color}` } } } : {}),
          },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  for (const t of spec.tables ?? []) addTable(ws, t.name, t.ref);
  if (spec.freeze) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
  }
  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: spec.print.orientation,
      paperSize: 9,
      ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    for (const r of spec.print.breaksBefore ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: `FF${spec.tabColor}` };
  if (spec.protection) {
    // ExcelJS hashes with Excel's default 100,000 SHA-512 rounds; a few thousand keep a workbook of hundreds of
    // sheets quick to write while still not storing the password itself.
    void ws.protect(spec.protection.withPassword && password ? password : '', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      spinCount: 5000,
    } as ExcelJS.WorksheetProtection);
  }
}

/** An Excel table over cells already written: the header row names the columns, the rows stay as they are. */
function addTable(ws: ExcelJS.Worksheet, name: string, ref: string): void {
  const [from, to] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = a.column; c <= b.column; c++)
    columns.push({ name: String(ws.getCell(a.row, c).value ?? `列${c}`), filterButton: true });
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = a.row + 1; r <= b.row; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = a.column; c <= b.column; c++) row.push(ws.getCell(r, c).value);
    rows.push(row);
  }
  // addTable rewrites the cells from `rows`; styles set earlier are kept by ExcelJS.
  ws.addTable({
    name,
    ref: from,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns,
    rows,
  });
}

/** Replaces (or adds) each described sheet in an existing workbook, keeping every other sheet as it is. */
export function applySheets(
  wb: ExcelJS.Workbook,
  sheets: SheetSpec[],
  styles: Record<string, StyleSpec>,
  password?: string,
): void {
  for (const spec of sheets) {
    const existing = wb.getWorksheet(spec.name);
    let position: number | undefined;
    if (existing) {
      position = wb.worksheets.indexOf(existing);
      wb.removeWorksheet(existing.id);
    }
    const ws = wb.addWorksheet(spec.name);
    if (position !== undefined) {
      // ExcelJS orders sheets by orderNo; put the new one where the old one was.
      const list = wb.worksheets.filter((w) => w !== ws);
      list.splice(position, 0, ws);
      list.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
    }
    writeSheet(ws, spec, styles, password);
  }
}

export function specToWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '成果转化评价';
  wb.title = spec.title;
  wb.calcProperties.fullCalcOnLoad = true;
  applySheets(wb, spec.sheets, spec.styles, spec.password);
  return wb;
}

/**
 * The workbook as .xlsx bytes. ExcelJS writes the package with the sheets it alone can write (tables) and an empty
 * placeholder for every other sheet; the sheet writer then fills the placeholders in place. Building the large
 * expert sheets as XML text is many times faster than ExcelJS's cell model and style handling.
 */
export async function specToBuffer(spec: WorkbookSpec): Promise<Buffer> {
  const direct = spec.sheets.filter(writableDirectly);
  const skeleton = specToWorkbook({
    ...spec,
    sheets: spec.sheets.map((s) => (writableDirectly(s) ? { name: s.name, kind: s.kind, rows: [] } : s)),
  });
  const pkg = openPackage(Buffer.from(await skeleton.xlsx.writeBuffer()));
  const protection = spec.password ? passwordProtectionTag(spec.password) : null;
  return patchPackage(pkg, direct, spec.styles, { protection });
}
