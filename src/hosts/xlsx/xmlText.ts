// Text-level XML helpers for the parts of an .xlsx package. The parts we read are machine-written SpreadsheetML,
// so attributes and elements are matched with regular expressions instead of building a DOM of ~700,000 cells.

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  // Formulas are full of &quot;: plain replacements are several times faster than a callback per entity.
  if (!text.includes('&#'))
    return text
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITY[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * A copy of a string cut out of a part's XML that does not keep the whole part alive. V8 represents a substring
 * of 13 characters or more as a view into its parent; one such view per sheet kept every sheet's XML (hundreds of
 * MB for 2,000 cases) in memory. Prepending a character and cutting it off again flattens into a new string.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Characters XML 1.0 cannot hold at all; ExcelJS drops them too. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The attributes of a start tag's attribute text, decoded. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** One attribute of a start tag's attribute text, or undefined (cheaper than attributes() on hot paths). */
export function attribute(text: string, name: string): string | undefined {
  const i = text.indexOf(` ${name}=`);
  // Machine-written tags separate attributes with one space; anything else takes the general path.
  if (i < 0) return /[\t\r\n]|\s=/.test(text) ? attributes(text)[name] : undefined;
  const q = text[i + name.length + 2];
  if (q !== '"' && q !== "'") return attributes(text)[name];
  const end = text.indexOf(q, i + name.length + 3);
  return end < 0 ? undefined : decodeXml(text.slice(i + name.length + 3, end));
}

/** Every element `<name …/>` or `<name …>…</name>` in xml, as whole strings, in order. */
export function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g');
  return xml.match(re) ?? [];
}

/** The text of `<t>` runs, as a shared or inline string holds it (phonetic guides left out). */
export function runText(xml: string): string {
  const plain = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(xml);
  if (plain) return detached(decodeXml(plain[1]));
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += decodeXml(m[1]);
  return detached(out);
}
