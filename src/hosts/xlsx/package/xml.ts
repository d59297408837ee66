import { SaxesParser, type SaxesTagNS } from 'saxes';

// XML of the package's parts, read with saxes: a conforming, namespace-aware parser, so a part reads the same
// whatever prefixes, quotes, whitespace or line ends its writer chose, and a part that is not well-formed is refused
// rather than half-read. Elements come with their spans in the part's text, so that a command can replace one
// element (a cell, a list of styles) and leave every other character of the part as it was.

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  markup: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** A part whose XML cannot be read; the message is one plain Chinese sentence. */
export class XmlError extends Error {
  /** The same sentence in English, for `--lang en`. */
  readonly messageEn: string;

  constructor(message: string, messageEn?: string) {
    super(message);
    this.name = 'XmlError';
    this.messageEn = messageEn ?? message;
  }
}

/** An element as the walk reports it: resolved names, attributes, and where its start tag lies in the text. */
export interface XmlElement {
  uri: string;
  local: string;
  /** The name as written, prefix included. */
  qname: string;
  /** Attribute values by local name, for attributes without a namespace. */
  attrs: Record<string, string>;
  /** Attributes with a namespace, by `uri|local`. */
  nsAttrs: Record<string, string>;
  /** Offset of the start tag's "<". */
  readonly start: number;
  /** Offset just after the start tag's ">" (or "/>"). */
  openEnd: number;
  selfClosing: boolean;
  depth: number;
}

export interface XmlHandlers {
  open?(el: XmlElement): void;
  /** `end` is the offset just after the element's last character. */
  close?(el: XmlElement, end: number): void;
  text?(text: string): void;
}

/**
 * An element from saxes's tag. The start offset is looked up only when asked for (edits need it, reads do not):
 * saxes reports positions after the tag, so its "<" is the last one before the name, searched back from there.
 */
class Element implements XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly qname: string;
  readonly attrs: Record<string, string> = {};
  readonly nsAttrs: Record<string, string> = {};
  readonly selfClosing: boolean;
  private startAt = -1;

  constructor(
    tag: SaxesTagNS,
    private readonly text: string,
    private readonly before: number,
    readonly openEnd: number,
    readonly depth: number,
  ) {
    this.uri = tag.uri;
    this.local = tag.local;
    this.qname = tag.name;
    this.selfClosing = tag.isSelfClosing;
    const list = tag.attributes;
    for (const key in list) {
      const a = list[key];
      if (a.uri === '') this.attrs[a.local] = a.value;
      else if (a.prefix !== 'xmlns' && a.name !== 'xmlns') this.nsAttrs[`${a.uri}|${a.local}`] = a.value;
    }
  }

  get start(): number {
    if (this.startAt < 0) this.startAt = this.text.lastIndexOf(`<${this.qname}`, this.before);
    return this.startAt;
  }
}

/** Thrown by a handler to end a walk early, once it has what it needs. */
export const STOP_WALK = Symbol('stop walk');

/**
 * Walks a part's XML, reporting elements and text; throws XmlError naming the part when it is not well-formed
 * (before a handler threw STOP_WALK).
 */
export function walkXml(text: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = parser.position;
  });
  parser.on('opentag', (tag) => {
    const el = new Element(tag, text, tagStart, parser.position, stack.length);
    stack.push(el);
    handlers.open?.(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    handlers.close?.(el, parser.position);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e === STOP_WALK) return;
    if (e instanceof XmlError) throw e;
    throw new XmlError(
      `“${part}”部分的 XML 格式有误（${firstLine((e as Error).message)}），文件已损坏`,
      `part "${part}" is not well-formed XML (${firstLine((e as Error).message)}); the file is damaged`,
    );
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 120);
}

const decoder8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A part's bytes as text. Parts are UTF-8 or UTF-16 (ECMA-376 Part 2, 8.1.1 via XML 1.0's encoding rules); a byte
 * order mark tells UTF-16 apart and is dropped.
 */
export function partTextOf(bytes: Uint8Array, part: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return decoder8.decode(bytes);
  } catch {
    throw new XmlError(
      `“${part}”部分的文字编码无法识别，文件已损坏`,
      `the text encoding of part "${part}" is not recognised; the file is damaged`,
    );
  }
}

const encoder = new TextEncoder();

/** Text as the UTF-8 bytes of a part; a declaration that named another encoding is made to say UTF-8. */
export function partBytesOf(text: string): Uint8Array {
  const fixed = text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
  return encoder.encode(fixed);
}

/** Characters XML 1.0 cannot hold at all (section 2.2); text containing them is written without them. */
const INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A copy of the text with spans replaced, spans given in any order and not overlapping. */
export function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

/** The namespace prefix an element was written with ("" for the default namespace), to write siblings alike. */
export function prefixOf(el: Pick<XmlElement, 'qname'>): string {
  const i = el.qname.indexOf(':');
  return i < 0 ? '' : el.qname.slice(0, i + 1);
}

/** A direct child of the root element, with the span of the whole element. */
export interface ChildSpan {
  el: XmlElement;
  end: number;
}

/** The root element, where its content ends (before its end tag; its start for a self-closing root) and its children. */
export function rootAndChildren(
  text: string,
  part: string,
): { root: XmlElement; rootEnd: number; children: ChildSpan[] } {
  let root: XmlElement | null = null;
  let rootEnd = -1;
  const children: ChildSpan[] = [];
  walkXml(text, part, {
    close(el, end) {
      if (el.depth === 1) children.push({ el, end });
      else if (el.depth === 0) {
        root = el;
        rootEnd = el.selfClosing ? el.start : end - `</${el.qname}>`.length;
      }
    },
  });
  if (!root) throw new XmlError(`“${part}”部分是空的，文件已损坏`, `part "${part}" is empty; the file is damaged`);
  return { root, rootEnd, children };
}

/**
 * Text with `content` inserted at `at` inside `parent`: a self-closing parent (`<sheets/>`) is opened up to
 * hold it.
 */
export function insertInto(text: string, parent: XmlElement, at: number, content: string): string {
  if (!parent.selfClosing) return text.slice(0, at) + content + text.slice(at);
  const open = text.slice(parent.start, parent.openEnd).replace(/\s*\/>$/, '>');
  return text.slice(0, parent.start) + open + content + `</${parent.qname}>` + text.slice(parent.openEnd);
}

/**
 * Where a new child element belongs among the root's children in the schema's sequence `order` (local names in
 * the main namespace): before the first existing child that comes after it. Children of other namespaces
 * (markup-compatibility blocks, extensions) do not constrain the position.
 */
export function insertionPoint(
  tree: { rootEnd: number; children: ChildSpan[] },
  order: readonly string[],
  local: string,
  uri: string = NS.main,
): number {
  const rank = order.indexOf(local);
  for (const c of tree.children) {
    if (c.el.uri !== uri) continue;
    const r = order.indexOf(c.el.local);
    if (r > rank) return c.el.start;
  }
  return tree.rootEnd;
}

/** Start tag text with one attribute set (replaced when present, added before the tag's end otherwise). */
export function withAttribute(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, () => `${re.exec(startTag)![1]}"${escapeXml(value)}"`);
  return startTag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}
