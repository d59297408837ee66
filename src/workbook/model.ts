// Host-neutral description of an evaluation workbook: what each sheet holds. The ExcelJS host (hosts/xlsx) and
// the Office.js host (hosts/office) apply the same description and read the same shapes back, so both hosts
// produce the same workbook. Nothing here imports a host.

/** A constant. Strings are always text, never formulas, whatever they start with. */
export type CellValue = string | number | boolean | null;

/** A value read back from a host: constants, or an error value such as #VALUE!. */
export type ReadValue = CellValue | { error: string };

export interface CellSpec {
  value?: CellValue;
  /** An A1 formula without the leading "=". */
  formula?: string;
  /** The engine's value of the formula, stored as the cached result so viewers that do not recalculate see it. */
  result?: CellValue;
  /** Name of a style in WorkbookSpec.styles. */
  style?: string;
  /** Input cells are unlocked; everything else stays locked (Excel's default) under sheet protection. */
  locked?: boolean;
  /**
   * Marks a formula as one formula filled down its column: consecutive rows with the same mark hold the formula of
   * the first of them moved down by their distance, so a host may store them as one shared formula.
   */
  filledDown?: string;
}

export type HAlign = 'left' | 'center' | 'right';

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RGB hex without '#'. */
  color?: string;
  fill?: string;
  hAlign?: HAlign;
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  numberFormat?: string;
}

/** Native data validation, applied to a whole range at once. */
export interface ValidationSpec {
  /** whole/decimal: a number between min and max; custom: the formula (relative to the range's top-left cell). */
  type: 'whole' | 'decimal' | 'list' | 'custom';
  min?: number;
  max?: number;
  formula?: string;
  list?: string[];
  allowBlank: boolean;
  errorTitle: string;
  error: string;
  promptTitle?: string;
  prompt?: string;
}

export interface RangeValidation {
  ref: string;
  rule: ValidationSpec;
}

/** Conditional formatting by formula (relative to the range's top-left cell). */
export interface ConditionalFormat {
  ref: string;
  formula: string;
  style: string;
}

export interface TableSpec {
  name: string;
  /** The whole table including its header row, e.g. "A3:F20". */
  ref: string;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Percent the sheet prints at, fixed (never "fit to"), so body text keeps its size; see print/pagePlan. */
  scale: number;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  titleRows?: string;
  /** Columns repeated at the left of every printed page after a column break, first..last (1-based). */
  titleColumns?: [number, number];
  /** Rows before which a page break is placed (1-based). */
  breaksBefore?: number[];
  /** Columns before which a page break is placed (1-based): a wide sheet printed as pages side by side. */
  breaksBeforeColumns?: number[];
  /** Print the pages of a split sheet across, then down, so the parts of the same rows follow each other. */
  overThenDown?: boolean;
}

/**
 * A chart over a range of the same sheet. Only the Office host draws charts (ExcelJS cannot write them); the
 * numbers they show are ordinary cells that both hosts write.
 */
export interface ChartSpec {
  type: 'columnClustered' | 'columnStacked' | 'barClustered' | 'pie';
  title: string;
  /** The data with its header row and label column, e.g. "B3:F4". */
  source: string;
  /** Whether each row or each column of `source` is one series. */
  seriesBy: 'rows' | 'columns';
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface ProtectionSpec {
  /** Protect with the workbook's generated password. */
  withPassword: boolean;
}

export interface SheetSpec {
  name: string;
  /** What the sheet is for; readers find sheets by it, not only by name. */
  kind: SheetKind;
  /** Dense grid from A1: rows[r][c] is the cell at row r+1, column c+1. */
  rows: (CellSpec | null)[][];
  /** Column widths in characters. */
  columns?: number[];
  rowHeights?: Record<number, number>;
  merges?: string[];
  validations?: RangeValidation[];
  conditionalFormats?: ConditionalFormat[];
  tables?: TableSpec[];
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  protection?: ProtectionSpec;
  tabColor?: string;
  charts?: ChartSpec[];
  /** Cell notes (批注), e.g. what a header means or who may see the sheet; the .xlsx host writes them. */
  notes?: { cell: string; text: string }[];
}

export type SheetKind =
  | 'rubric'
  | 'cases'
  | 'experts'
  | 'rounds'
  | 'holidays'
  | 'expert'
  | 'summary'
  | 'audit'
  | 'grades'
  | 'agreement'
  | 'notice'
  | 'letters'
  | 'objections'
  | 'log'
  | 'form';

export interface WorkbookSpec {
  sheets: SheetSpec[];
  styles: Record<string, StyleSpec>;
  /** The per-workbook protection password; kept by the secretariat, never written into any cell. */
  password?: string;
  title: string;
}

/** What a host reads back of a sheet: values and formulas over the used range, from A1. */
export interface SheetData {
  name: string;
  values: ReadValue[][];
  /** The formula of each cell without "=", or null for constants and blanks. */
  formulas: (string | null)[][];
  /** What the audit checks besides cells; hosts fill these when asked to (readSheets with meta). */
  meta?: SheetMeta;
}

export interface SheetMeta {
  protected: boolean;
  /** Data validation by single-cell A1 address: the kind and the bounds that are enforced. */
  validations: Record<string, { type: ValidationSpec['type']; min?: number; max?: number }>;
}

export interface WorkbookData {
  sheets: SheetData[];
}

/**
 * A normalised snapshot of what a host actually holds, used to check that both hosts produce the same
 * workbook from the same description.
 */
export interface SheetSnapshot {
  name: string;
  /** Non-empty cells by A1 address. */
  cells: Record<string, { value?: CellValue; formula?: string; numberFormat?: string; locked?: boolean }>;
  merges: string[];
  /** Validation rules expanded to single cells, by A1 address. */
  validations: Record<string, ValidationSpec>;
  protected: boolean;
  columnWidths: number[];
}

/** One cell written into an existing sheet (collecting returned scores), leaving everything else as it is. */
export interface CellUpdate {
  sheet: string;
  /** A1 address within the sheet. */
  address: string;
  value: CellValue;
  /** A cell of the same sheet whose format the cell takes (a new register row looks like the first one). */
  styleLike?: string;
  /** A formula (without "=") instead of the value: a register's own formula column in a new row. */
  formula?: string;
}

/**
 * A register grown by rows appended below it: its table, and the validations and conditional formats that reach
 * its last row, are extended over the new rows, so they look, validate and filter like the rows above.
 */
export interface RegisterGrowth {
  sheet: string;
  /** The register's last row before the import (its header row when it had no records). */
  lastRow: number;
  newLastRow: number;
}
