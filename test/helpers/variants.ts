import { strToU8 } from 'fflate';
import { partsOf, text, zipParts, zipWithOptions, type Parts } from './zipCraft';

// One workbook written the other ways ECMA-376 allows, as other programs write it: a namespace prefix, rows and
// cells without `r`, shared strings, rich text with phonetic runs, whitespace and CRLF between elements, single
// quotes, stored entries, data descriptors, zip64, another entry order. Each must read the same.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const isSheet = (n: string): boolean => /^xl\/worksheets\/sheet\d+\.xml$/.test(n);
const isSpreadsheetMl = (n: string): boolean =>
  isSheet(n) ||
  n === 'xl/workbook.xml' ||
  n === 'xl/styles.xml' ||
  n === 'xl/sharedStrings.xml' ||
  /^xl\/tables\//.test(n);

function mapParts(parts: Parts, test: (n: string) => boolean, f: (xml: string, name: string) => string): Parts {
  const out: Parts = {};
  for (const [n, b] of Object.entries(parts)) out[n] = test(n) ? strToU8(f(text(parts, n), n)) : b;
  return out;
}

/** Every SpreadsheetML element written with the prefix x: (as the Open XML SDK writes them). */
export function prefixed(parts: Parts): Parts {
  return mapParts(parts, isSpreadsheetMl, (xml) =>
    xml
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
      .replace(/<(\/?)(?![?!])([A-Za-z][\w]*)(?=[\s/>])/g, (m, slash: string, name: string) => `<${slash}x:${name}`),
  );
}

/** Rows and cells without `r`: every row and every cell up to the last one written, in order. */
export function withoutReferences(parts: Parts): Parts {
  return mapParts(parts, isSheet, (xml) => {
    const start = xml.indexOf('<sheetData>');
    const end = xml.indexOf('</sheetData>');
    if (start < 0 || end < 0) return xml;
    const body = xml.slice(start + '<sheetData>'.length, end);
    const rows = [...body.matchAll(/<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)];
    let out = '';
    let at = 0;
    for (const m of rows) {
      const r = Number(m[1]);
      while (++at < r) out += '<row/>';
      let cells = '';
      let col = 0;
      for (const c of (m[3] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(\/>|>[\s\S]*?<\/c>)/g)) {
        const n = [...c[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
        while (++col < n) cells += '<c/>';
        cells += `<c${c[2]}${c[3]}`;
      }
      out += `<row${m[2]}>${cells}</row>`;
    }
    return `${xml.slice(0, start)}<sheetData>${out}</sheetData>${xml.slice(end + '</sheetData>'.length)}`;
  });
}

/** Inline strings moved into a shared string table; with `rich`, each item is rich text with a phonetic run. */
export function sharedStrings(parts: Parts, rich = false): Parts {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const out = mapParts(parts, isSheet, (xml) =>
    xml.replace(
      /<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t xml:space="preserve">([\s\S]*?)<\/t><\/is><\/c>/g,
      (_m, ref: string, attrs: string, escaped: string) => {
        let i = index.get(escaped);
        if (i === undefined) {
          i = strings.push(escaped) - 1;
          index.set(escaped, i);
        }
        return `<c r="${ref}"${attrs} t="s"><v>${i}</v></c>`;
      },
    ),
  );
  const item = (s: string): string => {
    if (!rich) return `<si><t xml:space="preserve">${s}</t></si>`;
    // The text split into two runs (the second bold), with a reading guide that is not part of the cell's text.
    const chars = Array.from(s);
    const cut = s.startsWith('&') ? chars.length : Math.min(1, chars.length);
    const [a, b] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    return `<si><r><t xml:space="preserve">${a}</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${b}</t></r><rPh sb="0" eb="1"><t>ㄅㄆ</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>`;
  };
  out['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map(item).join('')}</sst>`,
  );
  out['xl/_rels/workbook.xml.rels'] = strToU8(
    text(parts, 'xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
  );
  out['[Content_Types].xml'] = strToU8(
    text(parts, '[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
  );
  return out;
}

/** Indentation and Windows line ends between elements of every XML part (not inside text). */
export function spaced(parts: Parts): Parts {
  return mapParts(
    parts,
    (n) => /\.(xml|rels)$/.test(n),
    // Not next to a <t>, whose text keeps every character.
    (xml) =>
      xml.replace(/>(?=<)/g, (m, offset: number, all: string) =>
        /^<\/?(?:\w+:)?t[\s>/]/.test(all.slice(offset + 1, offset + 12)) ? m : '>\r\n  ',
      ),
  );
}

/** Attributes in single quotes. */
export function singleQuoted(parts: Parts): Parts {
  return mapParts(
    parts,
    (n) => /\.(xml|rels)$/.test(n),
    (xml) => xml.replace(/<[^>]+>/g, (tag) => tag.replace(/(\s[\w:.-]+)="([^"']*)"/g, "$1='$2'")),
  );
}

export interface Variant {
  name: string;
  bytes: () => Promise<Buffer>;
}

/** Variants of one workbook, each valid SpreadsheetML that another program might write. */
export function variantsOf(bytes: Buffer): Variant[] {
  let cache: Parts | null = null;
  const p = (): Parts => (cache ??= partsOf(bytes));
  return variantList(p);
}

/** The variants' names, for test tables. */
export const VARIANT_NAMES = variantList(() => ({})).map((v) => v.name);

function variantList(p: () => Parts): Variant[] {
  return [
    { name: 'namespace prefix x:', bytes: async () => zipParts(prefixed(p())) },
    { name: 'rows and cells without r', bytes: async () => zipParts(withoutReferences(p())) },
    { name: 'shared strings', bytes: async () => zipParts(sharedStrings(p())) },
    { name: 'rich text and phonetic runs', bytes: async () => zipParts(sharedStrings(p(), true)) },
    { name: 'whitespace and CRLF between elements', bytes: async () => zipParts(spaced(p())) },
    { name: 'single-quoted attributes', bytes: async () => zipParts(singleQuoted(p())) },
    { name: 'stored (uncompressed) entries', bytes: async () => zipParts(p(), 0) },
    { name: 'entries in reverse order', bytes: async () => zipParts(p(), 6, Object.keys(p()).reverse()) },
    { name: 'data descriptors', bytes: () => zipWithOptions(p(), { dataDescriptor: true }) },
    { name: 'zip64', bytes: () => zipWithOptions(p(), { zip64: true }) },
    {
      name: 'all of them at once',
      bytes: () =>
        zipWithOptions(singleQuoted(spaced(prefixed(withoutReferences(sharedStrings(p(), true))))), {
          dataDescriptor: true,
          zip64: true,
        }),
    },
  ];
}
