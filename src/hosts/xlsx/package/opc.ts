import { escapeXml, insertInto, NS, prefixOf, rootAndChildren, walkXml, XmlError, type XmlElement } from './xml';

// Open Packaging Conventions (ECMA-376 Part 2): part names, relationships and content types. Edits are made as
// insertions and removals of single elements, so the rest of a relationships or content-types part keeps its bytes.

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships part that belongs to a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** A path without "." and ".." segments. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * The part a relationship target names, relative to the part that holds the relationship (or absolute with a
 * leading "/"); percent-encoded characters are decoded, as part names are IRIs (Part 2, 9.1.1).
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.split('#')[0];
  try {
    t = decodeURIComponent(t);
  } catch {
    // A "%" that is not an escape stays as written.
  }
  return t.startsWith('/') ? normalise(t) : normalise(`${dirOf(sourcePart)}/${t}`);
}

/** A relative target from one part to another, as Excel writes them ("worksheets/sheet1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function readRelationships(text: string | null, part: string): Relationship[] {
  if (text === null) return [];
  const out: Relationship[] = [];
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.pkgRel || el.local !== 'Relationship') return;
      out.push({
        id: el.attrs.Id ?? '',
        type: el.attrs.Type ?? '',
        target: el.attrs.Target ?? '',
        external: el.attrs.TargetMode === 'External',
      });
    },
  });
  return out;
}

/** Inserts elements as the last children of the root element; a self-closing root is opened up. */
export function appendToRoot(text: string, part: string, uri: string, local: string, children: string): string {
  const tree = rootAndChildren(text, part);
  if (tree.root.uri !== uri || tree.root.local !== local)
    throw new XmlError(
      `“${part}”部分不是预期的内容，文件已损坏`,
      `part "${part}" does not hold what it should; the file is damaged`,
    );
  return insertInto(text, tree.root, tree.rootEnd, children);
}

const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A relationships part with one more relationship (a new part when there was none). */
export function addRelationship(text: string | null, part: string, rel: Omit<Relationship, 'external'>): string {
  if (text === null) text = `${RELS_HEAD}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const prefix = relationshipPrefix(text, part);
  const el = `<${prefix}Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  return appendToRoot(text, part, NS.pkgRel, 'Relationships', el);
}

function relationshipPrefix(text: string, part: string): string {
  let prefix = '';
  walkXml(text, part, {
    open(el) {
      if (el.depth === 0) prefix = prefixOf(el);
    },
  });
  return prefix;
}

/** Removes the elements for which `drop` says so, with the whitespace before each. */
export function removeElements(text: string, part: string, drop: (el: XmlElement) => boolean): string {
  const spans: { start: number; end: number }[] = [];
  walkXml(text, part, {
    close(el, end) {
      if (drop(el)) spans.push({ start: el.start, end });
    },
  });
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start);
    at = s.end;
  }
  return out + text.slice(at);
}

/** A fresh relationship id that the part does not use yet. */
export function freshRelationshipId(rels: Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  /** By part name without the leading "/", lower-cased (part names compare case-insensitively). */
  overrides: Map<string, string>;
}

export function readContentTypes(text: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  walkXml(text, '[Content_Types].xml', {
    open(el) {
      if (el.uri !== NS.contentTypes) return;
      if (el.local === 'Default') defaults.set((el.attrs.Extension ?? '').toLowerCase(), el.attrs.ContentType ?? '');
      if (el.local === 'Override')
        overrides.set((el.attrs.PartName ?? '').replace(/^\//, '').toLowerCase(), el.attrs.ContentType ?? '');
    },
  });
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const o = types.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return types.defaults.get(ext);
}

export function addOverride(text: string, part: string, contentType: string): string {
  if (readContentTypes(text).overrides.has(part.toLowerCase())) return text;
  const prefix = relationshipPrefix(text, '[Content_Types].xml');
  const el = `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`;
  return appendToRoot(text, '[Content_Types].xml', NS.contentTypes, 'Types', el);
}

export function removeOverride(text: string, part: string): string {
  return removeElements(
    text,
    '[Content_Types].xml',
    (el) =>
      el.uri === NS.contentTypes &&
      el.local === 'Override' &&
      (el.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase(),
  );
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
} as const;

export const CONTENT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;
