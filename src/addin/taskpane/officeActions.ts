import type { RoundId } from '../../core/panel/types';
import { toActionResult, type ActionResult, type ExpertSheetRef, type TaskpaneActions } from './actions';
import { splitAddress } from './cellAddress';
import type { Strings } from './i18n';

// TaskpaneActions backed by Excel. The work itself is in src/addin/office/actions.ts, loaded on first use so the
// task pane's first render does not wait for the workbook code. That module must export computeGrades,
// makeNotices and auditWorkbook; the other actions are used when it exports them, with these signatures.
interface OfficeActionsModule {
  computeGrades(context: Excel.RequestContext): Promise<unknown>;
  makeNotices(context: Excel.RequestContext): Promise<unknown>;
  auditWorkbook(context: Excel.RequestContext): Promise<unknown>;
  setUpWorkbook?(context: Excel.RequestContext): Promise<unknown>;
  /** Resolves with `{ message?, sheets: ExpertSheetRef[] }`. */
  generateExpertSheets?(context: Excel.RequestContext, round: RoundId): Promise<unknown>;
  /** Resolves with the workbook to download: `{ fileName, data }`. */
  exportExpertWorkbook?(context: Excel.RequestContext, round: RoundId, expert: string): Promise<unknown>;
  /** Files already read into memory, so no Excel request waits on the disk. */
  collectWorkbooks?(context: Excel.RequestContext, files: { name: string; data: ArrayBuffer }[]): Promise<unknown>;
}

async function load(): Promise<OfficeActionsModule> {
  return (await import(/* webpackChunkName: "office-actions" */ '../office/actions')) as unknown as OfficeActionsModule;
}

function notAvailable(what: string, lang: 'zh' | 'en'): Error {
  return new Error(lang === 'en' ? `${what} is not available in this version yet.` : `“${what}”尚未实现。`);
}

function sheetsOf(value: unknown): ExpertSheetRef[] {
  const list = (value as { sheets?: unknown } | null)?.sheets;
  return Array.isArray(list)
    ? list.filter((s): s is ExpertSheetRef => typeof s?.expert === 'string' && typeof s?.sheet === 'string')
    : [];
}

function download(fileName: string, data: BlobPart): void {
  const url = URL.createObjectURL(
    new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function officeTaskpaneActions(strings: Strings, lang: 'zh' | 'en'): TaskpaneActions {
  // Opened in a plain browser there is no Excel to talk to: say so instead of "Excel is not defined".
  const excel = async (): Promise<typeof Excel> => {
    if (typeof Excel === 'undefined') throw new Error(strings.outsideOffice);
    return Excel;
  };
  const run = async <T>(work: (m: OfficeActionsModule, context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const api = await excel();
    const m = await load();
    return api.run((context) => work(m, context));
  };
  const done = (value: unknown): ActionResult => toActionResult(value, strings.done);

  return {
    setUpWorkbook: () =>
      run(async (m, c) => {
        if (!m.setUpWorkbook) throw notAvailable(strings.setup.button, lang);
        return done(await m.setUpWorkbook(c));
      }),
    generateExpertSheets: (round) =>
      run(async (m, c) => {
        if (!m.generateExpertSheets) throw notAvailable(strings.sheets.generate, lang);
        const value = await m.generateExpertSheets(c, round);
        return { ...done(value), sheets: sheetsOf(value) };
      }),
    exportExpertWorkbook: (round, expert) =>
      run(async (m, c) => {
        if (!m.exportExpertWorkbook) throw notAvailable(strings.sheets.exportTitle, lang);
        const value = (await m.exportExpertWorkbook(c, round, expert)) as { fileName?: unknown; data?: unknown };
        if (
          typeof value?.fileName === 'string' &&
          (value.data instanceof ArrayBuffer || value.data instanceof Uint8Array)
        ) {
          download(value.fileName, value.data as BlobPart);
        }
        return done(value);
      }),
    collectWorkbooks: async (files) => {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
      return run(async (m, c) => {
        if (!m.collectWorkbooks) throw notAvailable(strings.sheets.collectTitle, lang);
        return done(await m.collectWorkbooks(c, read));
      });
    },
    computeGrades: () => run(async (m, c) => done(await m.computeGrades(c))),
    makeNotices: () => run(async (m, c) => done(await m.makeNotices(c))),
    audit: () => run(async (m, c) => done(await m.auditWorkbook(c))),
    selectCell: async (address) => {
      const where = splitAddress(address);
      if (!where)
        throw new Error(lang === 'en' ? `"${address}" is not a cell address.` : `“${address}”不是单元格地址。`);
      await (
        await excel()
      ).run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(where.sheet);
        sheet.activate();
        sheet.getRange(where.range).select();
        await context.sync();
      });
    },
  };
}
