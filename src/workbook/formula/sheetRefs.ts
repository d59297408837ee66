// A formula's references to other sheets pointed at other names. The Office.js host writes a sheet it replaces
// under a temporary name first and renames it at the end (see hosts/office/applySheets); the sheets a command
// writes together must reference each other's temporary names while they are written, and Excel carries those
// references over to the final names when it renames the sheets.

/** A quoted sheet prefix ('初评-E01'!), an unquoted one (汇总!), or a string literal, which is left alone. */
const PREFIX = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([^\s'!(),:{};+\-*/&=<>"^%#[\]]+)!/g;

/** The prefix Excel accepts for a sheet name: always quoted, a quote inside doubled. */
export function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * `formula` with every reference to a sheet named in `to` (keys in lower case, as Excel compares sheet names)
 * pointed at the new name. Formulas without a sheet prefix are returned as they are, cheaply.
 */
export function retargetSheets(formula: string, to: ReadonlyMap<string, string>): string {
  if (to.size === 0 || !formula.includes('!')) return formula;
  return formula.replace(PREFIX, (all, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    if (name === undefined) return all;
    const target = to.get(name.toLowerCase());
    return target === undefined ? all : sheetPrefix(target);
  });
}
