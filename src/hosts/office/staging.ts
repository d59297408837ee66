/* global Excel */

// A batch that fails inside Excel keeps what it did before the failure: there is no rollback. A sheet rewritten
// in place would stay cleared, half-filled or unprotected. So the Office.js host never rewrites a sheet in place:
// it writes the new sheet under a staging name, hidden, protects it, and only then, at the end of the last batch,
// retires the old sheet (renames it), gives the new one its name and deletes the old one. Whatever operation
// fails, every sheet under its own name is either the old one or the complete new one, and the old one is never
// unprotected. Leftovers of an interrupted swap are put right before the next command reads anything.

/** Marks a sheet being written, not yet in place. */
export const STAGING_PREFIX = '~新~';
/** Marks a replaced sheet about to be deleted. */
export const RETIRED_PREFIX = '~旧~';

const MAX_NAME = 31;

/** The staging name of the sheet that will be named `name`. */
export function stagingName(name: string): string {
  return (STAGING_PREFIX + name).slice(0, MAX_NAME);
}

/** The name a replaced sheet carries between the swap and its deletion. */
export function retiredName(name: string): string {
  return (RETIRED_PREFIX + name).slice(0, MAX_NAME);
}

export const isStaging = (name: string): boolean => name.startsWith(STAGING_PREFIX);
export const isRetired = (name: string): boolean => name.startsWith(RETIRED_PREFIX);
export const isLeftover = (name: string): boolean => isStaging(name) || isRetired(name);

/** What to do with the leftovers of an interrupted write. */
export interface Repair {
  /** Staging sheets (never known to be complete) and retired sheets whose successor is in place. */
  remove: string[];
  /** Retired sheets whose successor never got its name: the old sheet comes back, as it was. */
  restore: { from: string; to: string }[];
}

/**
 * The repair of a workbook holding `names`: a retired sheet goes back under its name when no sheet has it,
 * otherwise it is deleted, as is every staging sheet. A name cut at 31 characters is matched to the sheet it began.
 */
export function repairOf(names: string[]): Repair {
  const present = new Set(names.filter((n) => !isLeftover(n)).map((n) => n.toLowerCase()));
  const remove: string[] = [];
  const restore: { from: string; to: string }[] = [];
  for (const n of names) {
    if (isStaging(n)) remove.push(n);
    else if (isRetired(n)) {
      const base = n.slice(RETIRED_PREFIX.length);
      const cut = n.length === MAX_NAME;
      const successor = [...present].find((p) => p === base.toLowerCase() || (cut && p.startsWith(base.toLowerCase())));
      if (successor) remove.push(n);
      else {
        restore.push({ from: n, to: base });
        present.add(base.toLowerCase());
      }
    }
  }
  return { remove, restore };
}

/** Restores or deletes the leftovers among `names` in one batch; nothing to do, no sync. */
export async function repairLeftovers(context: Excel.RequestContext, names: string[]): Promise<boolean> {
  const { remove, restore } = repairOf(names);
  if (remove.length + restore.length === 0) return false;
  const sheets = context.workbook.worksheets;
  // Staging sheets go first: they may hold the names of tables the restored sheets need back.
  for (const n of remove) sheets.getItem(n).delete();
  for (const { from, to } of restore) {
    const ws = sheets.getItem(from);
    ws.name = to;
    ws.visibility = 'Visible';
  }
  await context.sync();
  return true;
}
