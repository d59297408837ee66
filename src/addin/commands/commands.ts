import { publish, type Notice } from '../shared/notices';
import { session } from '../shared/session';
import { errorText, toActionResult } from '../taskpane/actions';
import { languageOf, stringsFor, type Strings } from '../taskpane/i18n';

// The ribbon's ExecuteFunction buttons (manifest.xml <FunctionName>). Each one runs its action in one Excel.run
// and always ends with event.completed(), even when the action fails: Office waits for it, and a button whose
// event is never completed shows as busy until Excel is restarted. Outcomes go to the task pane (shared runtime);
// a failure also opens the pane so the clerk sees the reason.

export const COMMAND_IDS = ['computeGrades', 'makeNotices', 'auditWorkbook'] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** What a button does; resolves with the action's result (shown via toActionResult). */
export type CommandImplementations = Record<CommandId, () => Promise<unknown>>;

export interface CommandDeps {
  strings: Strings;
  report: (notice: Omit<Notice, 'at'>) => void;
  showTaskpane: () => Promise<void>;
}

export interface CompletableEvent {
  completed(): void;
}

export function commandHandler(
  id: CommandId,
  run: () => Promise<unknown>,
  deps: CommandDeps,
): (event: CompletableEvent) => Promise<void> {
  const title = deps.strings.commands[id];
  return async (event) => {
    try {
      const result = toActionResult(await run(), deps.strings.done);
      const errors = result.findings?.filter((f) => f.severity === 'error').length ?? 0;
      const warnings = (result.findings?.length ?? 0) - errors;
      const message = result.findings?.length
        ? deps.strings.findings.summary(result.message, errors, warnings)
        : result.message;
      deps.report({ kind: errors > 0 ? 'warning' : 'success', title, message });
    } catch (e) {
      deps.report({ kind: 'error', title, message: errorText(e) });
      await deps.showTaskpane().catch(() => undefined);
    } finally {
      event.completed();
    }
  };
}

export function registerCommands(
  associate: (id: string, handler: (event: CompletableEvent) => void) => void,
  impl: CommandImplementations,
  deps: CommandDeps,
): void {
  for (const id of COMMAND_IDS) {
    const handler = commandHandler(id, impl[id], deps);
    associate(id, (event) => void handler(event));
  }
}

// The Office actions are loaded on first use: they bring the workbook code, which the first render does not need.
const loadActions = () => import(/* webpackChunkName: "office-actions" */ '../office/actions');

// The buttons use the password and the user the secretariat gave the task pane in this session (shared runtime).
const officeCommands: CommandImplementations = {
  computeGrades: () => Excel.run(async (context) => (await loadActions()).computeGrades(context, session())),
  makeNotices: () => Excel.run(async (context) => (await loadActions()).makeNotices(context, session())),
  auditWorkbook: () => Excel.run(async (context) => (await loadActions()).auditWorkbook(context)),
};

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    registerCommands((id, handler) => Office.actions.associate(id, handler), officeCommands, {
      strings: stringsFor(languageOf(Office.context?.displayLanguage)),
      report: publish,
      showTaskpane: () => Office.addin.showAsTaskpane(),
    });
  });
}
