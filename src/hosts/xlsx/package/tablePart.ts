import { escapeXml, NS } from './xml';

// A table part (CT_Table, 18.5.1.2) for a register: the header row names the columns, the rows below are the
// table's data. Column names must be unique within the table and equal to the header cells' text, or Excel
// "repairs" the file; empty or repeated headers get the names Excel itself would give them (列1, 列2, …).

export interface TablePartInput {
  id: number;
  name: string;
  ref: string;
  headers: string[];
}

/** Column names as Excel requires them: the header texts, unique, none empty. */
export function tableColumnNames(headers: string[]): string[] {
  const used = new Set<string>();
  return headers.map((h, i) => {
    let name = h.trim() === '' ? `列${i + 1}` : h;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${h.trim() === '' ? '列' : h}${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export function tablePartXml(t: TablePartInput): string {
  const names = tableColumnNames(t.headers);
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeXml(n)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS.main}" id="${t.id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/>` +
    `<tableColumns count="${names.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}
