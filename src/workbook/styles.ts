import type { StyleSpec } from './model';

/** The named styles every sheet builder uses, so both hosts and all sheets look alike. */
export const STYLES = {
  title: { bold: true, size: 16, hAlign: 'center', vAlign: 'middle' },
  subtitle: { size: 11, hAlign: 'center', vAlign: 'middle', color: '404040' },
  header: { bold: true, fill: 'DDEBF7', hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  cell: { vAlign: 'middle', border: true },
  cellCenter: { hAlign: 'center', vAlign: 'middle', border: true },
  wrap: { vAlign: 'top', wrap: true, border: true },
  wrapCenter: { hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  /** Cells an expert or a clerk types into. */
  input: { fill: 'FFF9E5', hAlign: 'center', vAlign: 'middle', border: true, numberFormat: 'General' },
  inputText: { fill: 'FFF9E5', vAlign: 'middle', border: true, numberFormat: '@' },
  /** Remarks typed into a cell: text, wrapped. */
  inputWrap: { fill: 'FFF9E5', vAlign: 'top', wrap: true, border: true, numberFormat: '@' },
  /** A recused row: locked and greyed. */
  recused: { fill: 'D9D9D9', color: '7F7F7F', hAlign: 'center', vAlign: 'middle', border: true },
  subtotal: { bold: true, fill: 'F2F2F2', hAlign: 'center', vAlign: 'middle', border: true, numberFormat: 'General' },
  number2: { hAlign: 'right', vAlign: 'middle', border: true, numberFormat: '0.00' },
  /** Means and S; the workbook sets the decimals of its policy (see scoreStyles). */
  score: { hAlign: 'right', vAlign: 'middle', border: true, numberFormat: '0.00' },
  integer: { hAlign: 'center', vAlign: 'middle', border: true, numberFormat: '0' },
  date: { hAlign: 'center', vAlign: 'middle', border: true, numberFormat: 'yyyy-mm-dd' },
  text: { vAlign: 'middle', border: true, numberFormat: '@' },
  /** Text that may be longer than its column: wrapped, the row made tall enough by its builder. */
  textWrap: { vAlign: 'middle', wrap: true, border: true, numberFormat: '@' },
  note: { italic: true, color: '595959', wrap: true, vAlign: 'top' },
  paragraph: { wrap: true, vAlign: 'top', size: 11 },
  signature: { vAlign: 'bottom', size: 11 },
  /** Conditional formats. */
  warnFill: { fill: 'FCE4D6', color: '9C0006' },
  okFill: { fill: 'E2EFDA', color: '375623' },
} satisfies Record<string, StyleSpec>;

export type StyleName = keyof typeof STYLES;

/** The style table of a workbook whose scores are shown with `decimals` places. */
export function workbookStyles(decimals: number): Record<string, StyleSpec> {
  const numberFormat = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return { ...STYLES, score: { ...STYLES.score, numberFormat } };
}
