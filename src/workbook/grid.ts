import { a1 } from './address';
import type { CellSpec, CellValue } from './model';
import type { StyleName } from './styles';

/** A sparse builder for SheetSpec.rows: set cells by 1-based row and column, then take the dense grid. */
export class Grid {
  private readonly cells = new Map<number, Map<number, CellSpec>>();
  private maxRow = 0;
  private maxColumn = 0;

  set(row: number, column: number, cell: CellSpec): string {
    if (!this.cells.has(row)) this.cells.set(row, new Map());
    this.cells.get(row)!.set(column, cell);
    this.maxRow = Math.max(this.maxRow, row);
    this.maxColumn = Math.max(this.maxColumn, column);
    return a1(row, column);
  }

  value(row: number, column: number, value: CellValue, style?: StyleName, extra: Partial<CellSpec> = {}): string {
    return this.set(row, column, { value, ...(style ? { style } : {}), ...extra });
  }

  formula(
    row: number,
    column: number,
    formula: string,
    result: CellValue,
    style?: StyleName,
    extra: Partial<CellSpec> = {},
  ): string {
    return this.set(row, column, { formula, result, ...(style ? { style } : {}), ...extra });
  }

  /** Styles an empty cell (borders of a table, say) without giving it a value. */
  blank(row: number, column: number, style: StyleName, extra: Partial<CellSpec> = {}): string {
    return this.set(row, column, { style, ...extra });
  }

  get(row: number, column: number): CellSpec | undefined {
    return this.cells.get(row)?.get(column);
  }

  get rowCount(): number {
    return this.maxRow;
  }

  get columnCount(): number {
    return this.maxColumn;
  }

  rows(): (CellSpec | null)[][] {
    const out: (CellSpec | null)[][] = [];
    for (let r = 1; r <= this.maxRow; r++) {
      const row: (CellSpec | null)[] = [];
      const m = this.cells.get(r);
      for (let c = 1; c <= this.maxColumn; c++) row.push(m?.get(c) ?? null);
      out.push(row);
    }
    return out;
  }
}
