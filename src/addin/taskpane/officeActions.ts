import { newPassword, session, updateSession } from '../shared/session';
import {
  toActionResult,
  type ActionResult,
  type ExpertSheetRef,
  type SetUpResult,
  type TaskpaneActions,
} from './actions';
import { splitAddress } from './cellAddress';
import type { Strings } from './i18n';

// TaskpaneActions backed by Excel. The work itself is in src/addin/office/actions.ts, loaded on first use so the
// task pane's first render does not wait for the workbook code (nor the package layer, which export and collect
// load later still). Every call hands the commands what the secretariat gave this session: the password and the user.

type OfficeActions = typeof import('../office/actions');

async function load(): Promise<OfficeActions> {
  return import(/* webpackChunkName: "office-actions" */ '../office/actions');
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

async function fileData(f: File): Promise<{ name: string; data: ArrayBuffer }> {
  return { name: f.name, data: await f.arrayBuffer() };
}

export function officeTaskpaneActions(strings: Strings, lang: 'zh' | 'en'): TaskpaneActions {
  // Opened in a plain browser there is no Excel to talk to: say so instead of "Excel is not defined".
  const excel = async (): Promise<typeof Excel> => {
    if (typeof Excel === 'undefined') throw new Error(strings.outsideOffice);
    return Excel;
  };
  const run = async <T>(work: (m: OfficeActions, context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const api = await excel();
    const m = await load();
    try {
      return await api.run((context) => work(m, context));
    } catch (e) {
      // Refusals carry an English sentence too (PanelError.messageEn); an English Office gets that one.
      const en = (e as { messageEn?: unknown } | null)?.messageEn;
      if (lang === 'en' && typeof en === 'string' && en) throw new Error(en);
      throw e;
    }
  };
  const options = () => ({ ...session(), lang });
  const done = (value: unknown): ActionResult => toActionResult(value, strings.done);

  return {
    setUpWorkbook: (title) =>
      run(async (m, c) => {
        // A workbook set up without a password typed in gets a new one, shown once in the pane.
        const generated = session().password ? undefined : newPassword();
        const value = await m.setUpWorkbook(c, { ...options(), ...(generated ? { password: generated } : {}), title });
        const result: SetUpResult = done(value);
        if (generated && value.created.length > 0) {
          updateSession({ password: generated });
          result.password = generated;
        }
        return result;
      }),
    importRegister: async (kind, file) => {
      const data = await fileData(file);
      return run(async (m, c) => done(await m.importRegister(c, kind, data, options())));
    },
    addApplicationForm: (caseId) => run(async (m, c) => done(await m.addApplicationForm(c, caseId, options()))),
    addScoreForm: (round, expert, caseId) =>
      run(async (m, c) => done(await m.addScoreForm(c, { round, expert, caseId }, options()))),
    reviewCases: () => run(async (m, c) => done(await m.reviewCases(c, options()))),
    drawExperts: (request) => run(async (m, c) => done(await m.drawRoundExperts(c, request, options()))),
    generateExpertSheets: (round) =>
      run(async (m, c) => {
        const value = await m.generateExpertSheets(c, round, options());
        return { ...done(value), sheets: sheetsOf(value) };
      }),
    exportExpertWorkbook: (round, expert) =>
      run(async (m, c) => {
        const value = await m.exportExpertWorkbook(c, round, expert, options());
        download(value.fileName, value.data as BlobPart);
        return done(value);
      }),
    collectWorkbooks: async (files) => {
      // Files are read before Excel is asked for anything, so no request waits on the disk.
      const read = await Promise.all(files.map(fileData));
      return run(async (m, c) => done(await m.collectWorkbooks(c, read, options())));
    },
    advanceRound: (from, rule) => run(async (m, c) => done(await m.advanceRound(c, from, rule, options()))),
    computeGrades: () =>
      run(async (m, c) => {
        const value = await m.computeGrades(c, options());
        return { ...done(value), results: value.results, grades: value.grades, agreement: value.json.agreement };
      }),
    progress: () =>
      run(async (m, c) => {
        const value = await m.evaluationProgress(c, options());
        return { ...done(value), status: value.status };
      }),
    makeNotices: () => run(async (m, c) => done(await m.makeNotices(c, options()))),
    reviewObjections: () => run(async (m, c) => done(await m.reviewObjections(c, options()))),
    releaseResults: () => run(async (m, c) => done(await m.releaseResults(c, options()))),
    audit: () => run(async (m, c) => done(await m.auditWorkbook(c, options()))),
    exportScores: (format) =>
      run(async (m, c) => {
        const value = await m.exportScoresArchive(c, format, options());
        download(value.fileName, value.data as BlobPart);
        return done(value);
      }),
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
