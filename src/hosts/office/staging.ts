/* global Excel */

// A batch that fails inside Excel keeps what it did before the failure: there is no rollback. A sheet rewritten
// in place would stay cleared, half-filled or unprotected. So the Office.js host never rewrites a sheet in place:
// it writes each new sheet under a staging name (hidden, "~新~汇总"), protects it, and when every new sheet is
// complete marks them all complete ("~完~汇总", shown, placed beside the sheet it replaces); only then are the old
// sheets deleted and the new ones given their names. Whatever operation fails, each sheet under its own name is
// the old one or the complete new one, and no old sheet is ever unprotected. What an interrupted write leaves is
// put right before the next command reads anything: rolled back while any new sheet was incomplete, rolled
// forward once all were complete.

/** A sheet being written. */
export const STAGING_PREFIX = '~新~';
/** A new sheet complete, waiting for its name. */
export const COMPLETE_PREFIX = '~完~';

const MAX_NAME = 31;

/** The staging name of the sheet that will be named `name` (a name over 28 characters is cut). */
export function stagingName(name: string): string {
  return (STAGING_PREFIX + name).slice(0, MAX_NAME);
}

/** The name of a complete new sheet before the swap. */
export function completeName(name: string): string {
  return (COMPLETE_PREFIX + name).slice(0, MAX_NAME);
}

export const isStaging = (name: string): boolean => name.startsWith(STAGING_PREFIX);
export const isComplete = (name: string): boolean => name.startsWith(COMPLETE_PREFIX);
export const isLeftover = (name: string): boolean => isStaging(name) || isComplete(name);

/** What to do with the leftovers of an interrupted write. */
export interface Repair {
  /** `back`: some new sheet was incomplete, so every new one goes; `forward`: all were, so the swap is finished. */
  direction: 'back' | 'forward' | null;
  remove: string[];
  rename: { from: string; to: string }[];
}

/** The repair of a workbook whose sheets are `names`, in their order. */
export function repairOf(names: string[]): Repair {
  const leftovers = names.filter(isLeftover);
  if (leftovers.length === 0) return { direction: null, remove: [], rename: [] };
  if (leftovers.some(isStaging)) return { direction: 'back', remove: leftovers, rename: [] };
  const present = new Map(names.filter((n) => !isLeftover(n)).map((n) => [n.toLowerCase(), n]));
  const remove: string[] = [];
  const rename = leftovers.map((from) => {
    const to = from.slice(COMPLETE_PREFIX.length);
    const old = present.get(to.toLowerCase());
    if (old) remove.push(old);
    return { from, to };
  });
  return { direction: 'forward', remove, rename };
}

/** Rolls back or finishes an interrupted write in one batch; nothing to do, no sync. */
export async function repairLeftovers(context: Excel.RequestContext, names: string[]): Promise<Repair['direction']> {
  const { direction, remove, rename } = repairOf(names);
  if (direction === null) return null;
  const sheets = context.workbook.worksheets;
  for (const n of remove) sheets.getItem(n).delete();
  for (const { from, to } of rename) {
    const ws = sheets.getItem(from);
    ws.visibility = 'Visible';
    ws.name = to;
  }
  await context.sync();
  return direction;
}
