import type {
  CellUpdate,
  RegisterGrowth,
  SheetMeta,
  SheetSpec,
  StyleSpec,
  WorkbookData,
} from '../../../workbook/model';
import {
  ContainerError,
  DEFAULT_LIMITS,
  entryContent,
  readContainer,
  writeContainer,
  type ContainerLimits,
  type EntryToWrite,
  type StoredEntry,
} from './container';
import {
  addOverride,
  addRelationship,
  CONTENT,
  contentTypeOf,
  freshRelationshipId,
  readContentTypes,
  readRelationships,
  REL,
  relativeTarget,
  relsPartOf,
  removeElements,
  removeOverride,
  resolveTarget,
  type Relationship,
} from './opc';
import { readSharedStrings } from './sharedStrings';
import { EMPTY_STYLES, readDateStyles, StyleBook } from './styles';
import { commentsXml, NOTES_CONTENT, NOTES_REL, vmlXml, type Note } from './notesPart';
import { tablePartXml } from './tablePart';
import { applyCellUpdates, grownSqref, growValidations } from './worksheetEdit';
import { readWorksheet, type CellContext, type WorksheetRead } from './worksheetReader';
import {
  KEPT_ON_REWRITE,
  PROTECTION_WITHOUT_PASSWORD,
  printTitles,
  WORKSHEET_ORDER,
  worksheetXml,
} from './worksheetWriter';
import { insertSheet, readWorkbookPart, requestFullCalcOnLoad, setPrintTitles } from './workbookPart';
import {
  NS,
  partBytesOf,
  partTextOf,
  rootAndChildren,
  splice,
  STOP_WALK,
  walkXml,
  withAttribute,
  XmlError,
} from './xml';

// An .xlsx file opened as a package of parts (ECMA-376 Part 2). A command reads the parts it needs and changes
// only the parts it must: the sheets it writes, the cells it fills in, and the bookkeeping parts that list them
// (the workbook's sheet list, relationships, content types, styles), each edited element by element. Every other
// part is copied with its stored bytes: charts, drawings, images, comments, pivot tables, defined names, themes,
// custom XML, VBA, other programs' extensions.

/** A file that is not a usable .xlsx workbook; the message is one plain Chinese sentence. */
export class XlsxError extends Error {
  /** The same sentence in English, for `--lang en`. */
  readonly messageEn: string;

  constructor(message: string, messageEn?: string) {
    super(message);
    this.name = 'XlsxError';
    this.messageEn = messageEn ?? message;
  }
}

/** Refuses bytes that cannot be an .xlsx package at all, before any unzipping: empty, an old .xls, not a zip. */
export function refuseUnlessZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxError('文件是空的', 'the file is empty');
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new XlsxError(
      '这是旧式 .xls 文件（或加密的工作簿），请在 Excel 中另存为 .xlsx 后再试',
      'this is an old .xls file (or an encrypted workbook); save it as .xlsx in Excel and try again',
    );
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new XlsxError(
      '文件不是 .xlsx 工作簿（无法解压）',
      'the file is not an .xlsx workbook (it cannot be unzipped)',
    );
}

const STRICT =
  '工作簿以“Strict Open XML 电子表格”格式保存，本系统读写的是常规 .xlsx；请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再试';
const STRICT_EN =
  'the workbook is saved as a "Strict Open XML Spreadsheet"; this system reads and writes ordinary .xlsx, so save it as "Excel Workbook (*.xlsx)" in Excel and try again';
const NOT_A_WORKBOOK = [
  '压缩包里没有工作簿内容，不是 .xlsx 工作簿',
  'the package holds no workbook; it is not an .xlsx workbook',
] as const;

export interface PackageSheet {
  name: string;
  /** Part name inside the package, e.g. xl/worksheets/sheet3.xml. */
  part: string;
  /** The relationship id in the workbook part that points at the part. */
  rid: string;
  sheetId: number;
}

export interface ReadSheetsOptions {
  /** Which sheets to read (every sheet by default). */
  include?: (name: string) => boolean;
  /** Also protection and validation of each sheet, for the audit. */
  meta?: boolean;
}

/** One sheet to parse: its name, part and content. */
export interface SheetJob {
  name: string;
  part: string;
  bytes: Uint8Array;
  meta: boolean;
}

/** Parses one sheet job: the part's text, read as a worksheet. */
export function parseSheetJob(job: SheetJob, cells: CellContext): WorksheetRead {
  return readWorksheet(job.name, partTextOf(job.bytes, job.part), job.part, cells, job.meta);
}

/** Parses sheets, in the order given; throws XmlError for a sheet that is not well-formed. */
export type SheetParser = (jobs: SheetJob[], cells: CellContext) => Promise<WorksheetRead[]>;

export interface PutSheetsOptions {
  /** `<sheetProtection>` attributes with the workbook's password hash for protected sheets; null: none known. */
  protection: string | null;
  /** Where a new sheet goes among the workbook's sheets (an index into their names); at the end by default. */
  place?: (names: readonly string[], name: string) => number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

export class XlsxPackage {
  /** Part name, lower-cased → the entry's name as stored (part names compare case-insensitively). */
  private readonly names = new Map<string, string>();
  /** Parts changed by the command: new text, or null for a part removed. */
  private readonly changed = new Map<string, string | Uint8Array | null>();
  /** Parts whose text has been decoded. */
  private readonly texts = new Map<string, string>();
  private readonly boms = new Set<string>();
  private protectionCache: string | null | undefined;
  private sheetsChanged = false;

  private constructor(
    private readonly entries: Map<string, StoredEntry>,
    readonly workbookPart: string,
    readonly sheets: PackageSheet[],
    readonly cells: CellContext,
  ) {
    for (const name of entries.keys()) this.names.set(name.toLowerCase(), name);
  }

  /** Opens an .xlsx file's bytes; anything that is not a workbook becomes an XlsxError sentence. */
  static async open(bytes: Uint8Array, limits: ContainerLimits = DEFAULT_LIMITS): Promise<XlsxPackage> {
    refuseUnlessZip(bytes);
    let entries: Map<string, StoredEntry>;
    try {
      entries = await readContainer(bytes, limits);
    } catch (e) {
      if (e instanceof ContainerError) throw new XlsxError(e.message, e.messageEn);
      throw e;
    }
    return wrapErrors(() => XlsxPackage.fromEntries(entries));
  }

  /** A new, empty package: the parts every workbook has, and no sheet yet. */
  static empty(title: string): XlsxPackage {
    const entries = new Map<string, StoredEntry>();
    const pkg = new XlsxPackage(entries, 'xl/workbook.xml', [], {
      sharedStrings: [],
      dateStyles: new Set(),
      date1904: false,
    });
    const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    pkg.setText(
      '[Content_Types].xml',
      `${head}<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CONTENT.relationships}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT.styles}"/><Override PartName="/docProps/core.xml" ContentType="${CONTENT.core}"/><Override PartName="/docProps/app.xml" ContentType="${CONTENT.app}"/></Types>`,
    );
    pkg.setText(
      '_rels/.rels',
      `${head}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL.coreProperties}" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL.extendedProperties}" Target="docProps/app.xml"/></Relationships>`,
    );
    pkg.setText(
      'docProps/core.xml',
      `${head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>成果转化评价</dc:creator></cp:coreProperties>`,
    );
    pkg.setText(
      'docProps/app.xml',
      `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ceeas</Application></Properties>`,
    );
    pkg.setText(
      'xl/workbook.xml',
      `${head}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr fullCalcOnLoad="1"/></workbook>`,
    );
    pkg.setText(
      'xl/_rels/workbook.xml.rels',
      `${head}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
    );
    pkg.setText('xl/styles.xml', EMPTY_STYLES);
    return pkg;
  }

  private static fromEntries(entries: Map<string, StoredEntry>): XlsxPackage {
    const probe = new XlsxPackage(entries, '', [], { sharedStrings: [], dateStyles: new Set(), date1904: false });
    if (probe.text('[Content_Types].xml') === null) throw new XlsxError(...NOT_A_WORKBOOK);
    const rootRels = readRelationships(probe.text('_rels/.rels'), '_rels/.rels');
    if (rootRels.some((r) => r.type === REL.strictOfficeDocument)) throw new XlsxError(STRICT, STRICT_EN);
    const root = rootRels.find((r) => r.type === REL.officeDocument);
    const workbookPart = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
    const workbookXml = probe.text(workbookPart);
    if (workbookXml === null) throw new XlsxError(...NOT_A_WORKBOOK);
    const info = readWorkbookPart(workbookXml, workbookPart);
    if (info.namespace === NS.strictMain) throw new XlsxError(STRICT, STRICT_EN);
    if (info.namespace !== NS.main) throw new XlsxError(...NOT_A_WORKBOOK);
    const rels = readRelationships(probe.text(relsPartOf(workbookPart)), relsPartOf(workbookPart));
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: PackageSheet[] = [];
    for (const s of info.sheets) {
      const rel = byId.get(s.rid);
      if (!rel || rel.type !== REL.worksheet || rel.external) continue;
      sheets.push({ name: s.name, part: resolveTarget(workbookPart, rel.target), rid: s.rid, sheetId: s.sheetId });
    }
    if (sheets.length === 0) throw new XlsxError('工作簿中没有工作表', 'the workbook has no worksheets');
    const target = (type: string): string | null => {
      const r = rels.find((x) => x.type === type);
      return r ? resolveTarget(workbookPart, r.target) : null;
    };
    const stringsPart = target(REL.sharedStrings);
    const stylesPart = target(REL.styles);
    const cells: CellContext = {
      sharedStrings: stringsPart ? readSharedStrings(probe.text(stringsPart), stringsPart) : [],
      dateStyles: stylesPart ? readDateStyles(probe.text(stylesPart), stylesPart) : new Set(),
      date1904: info.date1904,
    };
    const pkg = new XlsxPackage(entries, workbookPart, sheets, cells);
    return pkg;
  }

  // —— parts ——

  private stored(part: string): string | undefined {
    return this.names.get(part.toLowerCase());
  }

  /** Whether the package holds a part (changes included). */
  has(part: string): boolean {
    const name = this.stored(part) ?? part;
    if (this.changed.has(name)) return this.changed.get(name) !== null;
    return this.entries.has(name);
  }

  /** The part's content as bytes, or null when there is no such part. */
  bytes(part: string): Uint8Array | null {
    const name = this.stored(part) ?? part;
    const c = this.changed.get(name);
    if (c === null) return null;
    if (c !== undefined) return typeof c === 'string' ? partBytesOf(c) : c;
    const e = this.entries.get(name);
    return e ? entryContent(e) : null;
  }

  /** The part's text, or null when there is no such part. */
  text(part: string): string | null {
    const name = this.stored(part) ?? part;
    const c = this.changed.get(name);
    if (c === null) return null;
    if (typeof c === 'string') return c;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    if (bytes === null) return null;
    const text = partTextOf(bytes, name);
    if (hasBom(bytes)) this.boms.add(name);
    // Large parts (sheets) are read once; small bookkeeping parts are read and edited several times.
    if (bytes.length < 1_000_000) this.texts.set(name, text);
    return text;
  }

  setText(part: string, text: string): void {
    const name = this.stored(part) ?? part;
    if (!this.names.has(name.toLowerCase())) this.names.set(name.toLowerCase(), name);
    this.changed.set(name, text);
    this.texts.delete(name);
  }

  private setBytes(part: string, bytes: Uint8Array): void {
    const name = this.stored(part) ?? part;
    if (!this.names.has(name.toLowerCase())) this.names.set(name.toLowerCase(), name);
    this.changed.set(name, bytes);
    this.texts.delete(name);
  }

  private remove(part: string): void {
    const name = this.stored(part);
    if (name) this.changed.set(name, null);
  }

  private contentTypes(): string {
    return this.text('[Content_Types].xml')!;
  }

  private relsOf(part: string): Relationship[] {
    const rels = relsPartOf(part);
    return readRelationships(this.text(rels), rels);
  }

  // —— reading ——

  private sheet(name: string): PackageSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new XlsxError(`工作簿中没有“${name}”工作表`, `the workbook has no sheet "${name}"`);
    return s;
  }

  private sheetText(s: PackageSheet): string {
    const text = this.text(s.part);
    if (text === null)
      throw new XlsxError(
        `工作表“${s.name}”的内容缺失，文件已损坏`,
        `the content of sheet "${s.name}" is missing; the file is damaged`,
      );
    return text;
  }

  readSheet(name: string, withMeta = false): WorksheetRead {
    const s = this.sheet(name);
    return wrapErrors(() => readWorksheet(s.name, this.sheetText(s), s.part, this.cells, withMeta));
  }

  /**
   * Values and formulas of the sheets `include` accepts (every sheet by default), in the workbook's order; with
   * `meta`, also protection and validation for the audit.
   */
  readSheets(options: ReadSheetsOptions = {}): WorkbookData {
    return this.collect(
      this.sheetJobs(options).map((job) => wrapErrors(() => parseSheetJob(job, this.cells))),
      options,
    );
  }

  /** The same as readSheets, with the sheets parsed by `parser` (the CLI parses them on two threads). */
  async readSheetsWith(parser: SheetParser, options: ReadSheetsOptions = {}): Promise<WorkbookData> {
    const jobs = this.sheetJobs(options);
    let reads: WorksheetRead[];
    try {
      reads = await parser(jobs, this.cells);
    } catch (e) {
      if (e instanceof XmlError) throw new XlsxError(e.message, e.messageEn);
      throw e;
    }
    return this.collect(reads, options);
  }

  private sheetJobs(options: ReadSheetsOptions): SheetJob[] {
    return this.sheets
      .filter((s) => !options.include || options.include(s.name))
      .map((s) => {
        const bytes = wrapErrors(() => this.bytes(s.part));
        if (bytes === null)
          throw new XlsxError(
            `工作表“${s.name}”的内容缺失，文件已损坏`,
            `the content of sheet "${s.name}" is missing; the file is damaged`,
          );
        return { name: s.name, part: s.part, bytes, meta: options.meta === true };
      });
  }

  private collect(reads: WorksheetRead[], options: ReadSheetsOptions): WorkbookData {
    const out: WorkbookData = { sheets: [] };
    for (const read of reads) {
      if (read.passwordProtection && this.protectionCache === undefined) this.protectionCache = read.passwordProtection;
      out.sheets.push(options.meta ? { ...read.data, meta: read.meta } : read.data);
    }
    return out;
  }

  /**
   * The `<sheetProtection>` attributes (password hash, salt, spin count) of the first sheet protected with a
   * password, or null: commands protect the sheets they write with the workbook's own password without knowing it.
   */
  passwordProtection(): string | null {
    if (this.protectionCache !== undefined) return this.protectionCache;
    this.protectionCache = null;
    for (const s of this.sheets) {
      const found = wrapErrors(() => sheetProtectionOf(this.sheetText(s), s.part));
      if (found) {
        this.protectionCache = found;
        break;
      }
    }
    return this.protectionCache;
  }

  /** Protection and validation of one sheet, as the audit checks them. */
  sheetMeta(name: string): SheetMeta {
    return this.readSheet(name, true).meta;
  }

  // —— writing ——

  private styleBook(styles: Record<string, StyleSpec>): { book: StyleBook; part: string } {
    const rels = this.relsOf(this.workbookPart);
    const rel = rels.find((r) => r.type === REL.styles);
    if (rel) {
      const part = resolveTarget(this.workbookPart, rel.target);
      return { book: new StyleBook(this.text(part) ?? EMPTY_STYLES, styles, part), part };
    }
    const part = resolveTarget(this.workbookPart, 'styles.xml');
    const relsPart = relsPartOf(this.workbookPart);
    this.setText(
      relsPart,
      addRelationship(this.text(relsPart), relsPart, {
        id: freshRelationshipId(rels),
        type: REL.styles,
        target: relativeTarget(this.workbookPart, part),
      }),
    );
    this.setText('[Content_Types].xml', addOverride(this.contentTypes(), part, CONTENT.styles));
    return { book: new StyleBook(EMPTY_STYLES, styles, part), part };
  }

  /** Replaces (same position, same part) or adds each described sheet; every other sheet stays as it is. */
  putSheets(specs: SheetSpec[], styles: Record<string, StyleSpec>, options: PutSheetsOptions): void {
    if (specs.length === 0) return;
    wrapErrors(() => {
      const { book, part: stylesPart } = this.styleBook(styles);
      const protection = options.protection ?? PROTECTION_WITHOUT_PASSWORD;
      for (const spec of specs) {
        const existing = this.sheets.find((s) => s.name === spec.name);
        const part = existing ? existing.part : this.addSheet(spec.name, options.place);
        const tail = this.tailFor(part, spec, existing !== undefined);
        const declarations = existing ? extraDeclarations(this.sheetText(existing), part) : '';
        const xml = worksheetXml(
          spec,
          book,
          spec.protection?.withPassword ? protection : PROTECTION_WITHOUT_PASSWORD,
          tail,
          declarations,
        );
        this.setBytes(part, xml);
        const index = this.sheets.findIndex((s) => s.name === spec.name);
        this.setText(
          this.workbookPart,
          setPrintTitles(this.text(this.workbookPart)!, this.workbookPart, index, printTitles(spec)),
        );
      }
      const styled = book.xml();
      if (styled !== this.text(stylesPart)) this.setText(stylesPart, styled);
      this.sheetsChanged = true;
    });
  }

  /** A new sheet's part, relationship and place in the sheet list. */
  private addSheet(name: string, place: PutSheetsOptions['place']): string {
    const taken = new Set([...this.names.keys()]);
    let n = 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const relsPart = relsPartOf(this.workbookPart);
    const rid = freshRelationshipId(this.relsOf(this.workbookPart));
    this.setText(
      relsPart,
      addRelationship(this.text(relsPart), relsPart, {
        id: rid,
        type: REL.worksheet,
        target: relativeTarget(this.workbookPart, part),
      }),
    );
    this.setText('[Content_Types].xml', addOverride(this.contentTypes(), part, CONTENT.worksheet));
    const sheetId =
      Math.max(0, ...readWorkbookPart(this.text(this.workbookPart)!, this.workbookPart).sheets.map((s) => s.sheetId)) +
      1;
    const at = place
      ? place(
          this.sheets.map((s) => s.name),
          name,
        )
      : this.sheets.length;
    // The index in the workbook's own list, which may also hold chart sheets and dialog sheets.
    const listed = readWorkbookPart(this.text(this.workbookPart)!, this.workbookPart).sheets;
    const listIndex = at < this.sheets.length ? listed.findIndex((s) => s.rid === this.sheets[at].rid) : listed.length;
    this.setText(
      this.workbookPart,
      insertSheet(this.text(this.workbookPart)!, this.workbookPart, listIndex, { name, sheetId, rid }),
    );
    this.sheets.splice(at, 0, { name, part, rid, sheetId });
    return part;
  }

  /**
   * What follows the print setup in a sheet being written: the elements of the sheet it replaces that point at
   * other parts (kept, with their relationships), and the description's own tables.
   */
  private tailFor(part: string, spec: SheetSpec, replacing: boolean): string {
    const kept: { local: string; xml: string }[] = [];
    if (replacing) {
      const { text: old, tree } = sheetOutline(this.text(part)!, part);
      for (const c of tree.children) {
        const el = c.el;
        const keep =
          (el.uri === NS.main && (KEPT_ON_REWRITE as readonly string[]).includes(el.local)) ||
          (el.uri === NS.markup && el.local === 'AlternateContent');
        if (keep)
          kept.push({ local: el.uri === NS.main ? el.local : 'AlternateContent', xml: old.slice(el.start, c.end) });
      }
    }
    let tail = kept;
    const tables = spec.tables ?? [];
    if (tables.length > 0) {
      // The description's tables replace the sheet's own.
      const old = kept.filter((k) => k.local === 'tableParts');
      if (old.length > 0) this.dropTables(part);
      const ids = this.addTables(part, spec);
      tail = kept.filter((k) => k.local !== 'tableParts');
      const at = tail.findIndex((k) => k.local === 'extLst');
      const el = `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
      tail.splice(at < 0 ? tail.length : at, 0, { local: 'tableParts', xml: el });
    }
    // The description's notes, on a sheet without notes of its own (an office's are kept as they are).
    if ((spec.notes ?? []).length > 0 && !tail.some((k) => k.local === 'legacyDrawing')) {
      const rid = this.addNotes(part, spec.notes!);
      // Before whatever CT_Worksheet puts after legacyDrawing.
      const after: readonly string[] = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('legacyDrawing') + 1);
      const at = tail.findIndex((k) => after.includes(k.local));
      tail.splice(at < 0 ? tail.length : at, 0, { local: 'legacyDrawing', xml: `<legacyDrawing r:id="${rid}"/>` });
    }
    return tail.map((k) => k.xml).join('');
  }

  /** The comments part and the VML drawing of a sheet's notes; returns the drawing's relationship id. */
  private addNotes(sheetPart: string, notes: readonly Note[]): string {
    let n = 1;
    while (this.has(`xl/comments${n}.xml`) || this.has(`xl/drawings/vmlDrawing${n}.vml`)) n++;
    const comments = `xl/comments${n}.xml`;
    const vml = `xl/drawings/vmlDrawing${n}.vml`;
    this.setText(comments, commentsXml(notes));
    this.setText(vml, vmlXml(notes, n));
    this.setText('[Content_Types].xml', addOverride(this.contentTypes(), comments, NOTES_CONTENT.comments));
    this.setText('[Content_Types].xml', addOverride(this.contentTypes(), vml, NOTES_CONTENT.vml));
    const relsPart = relsPartOf(sheetPart);
    const commentsRid = freshRelationshipId(readRelationships(this.text(relsPart), relsPart));
    this.setText(
      relsPart,
      addRelationship(this.text(relsPart), relsPart, {
        id: commentsRid,
        type: NOTES_REL.comments,
        target: relativeTarget(sheetPart, comments),
      }),
    );
    const vmlRid = freshRelationshipId(readRelationships(this.text(relsPart), relsPart));
    this.setText(
      relsPart,
      addRelationship(this.text(relsPart), relsPart, {
        id: vmlRid,
        type: NOTES_REL.vml,
        target: relativeTarget(sheetPart, vml),
      }),
    );
    return vmlRid;
  }

  /** Table parts for the description's tables; returns their relationship ids in the sheet's relationships. */
  private addTables(sheetPart: string, spec: SheetSpec): string[] {
    const existing = [...this.names.values()].filter((n) => this.has(n) && /^xl\/tables\/table\d+\.xml$/i.test(n));
    let nextId = 1;
    const names = new Set<string>();
    for (const part of existing) {
      walkXml(this.text(part)!, part, {
        open(el) {
          if (el.depth !== 0) return;
          nextId = Math.max(nextId, Number(el.attrs.id ?? 0) + 1);
          names.add((el.attrs.name ?? '').toLowerCase());
        },
      });
    }
    const relsPart = relsPartOf(sheetPart);
    const out: string[] = [];
    for (const t of spec.tables ?? []) {
      let name = t.name;
      for (let k = 2; names.has(name.toLowerCase()); k++) name = `${t.name}${k}`;
      names.add(name.toLowerCase());
      let n = 1;
      while (this.has(`xl/tables/table${n}.xml`)) n++;
      const part = `xl/tables/table${n}.xml`;
      const [from] = t.ref.split(':');
      const m = /^([A-Z]+)(\d+)$/.exec(from)!;
      const headerRow = Number(m[2]) - 1;
      const [c1, c2] = t.ref.split(':').map((x) => columnIndex(x));
      const headers: string[] = [];
      for (let c = c1; c <= c2; c++) {
        const v = spec.rows[headerRow]?.[c - 1]?.value;
        headers.push(v === null || v === undefined ? '' : String(v));
      }
      this.setText(part, tablePartXml({ id: nextId++, name, ref: t.ref, headers }));
      this.setText('[Content_Types].xml', addOverride(this.contentTypes(), part, CONTENT.table));
      const rid = freshRelationshipId(readRelationships(this.text(relsPart), relsPart));
      this.setText(
        relsPart,
        addRelationship(this.text(relsPart), relsPart, {
          id: rid,
          type: REL.table,
          target: relativeTarget(sheetPart, part),
        }),
      );
      out.push(rid);
    }
    return out;
  }

  /** Removes a sheet's table parts, with their relationships and content types. */
  private dropTables(sheetPart: string): void {
    const relsPart = relsPartOf(sheetPart);
    const tables = readRelationships(this.text(relsPart), relsPart).filter((r) => r.type === REL.table && !r.external);
    if (tables.length === 0) return;
    for (const r of tables) {
      const part = resolveTarget(sheetPart, r.target);
      this.remove(part);
      this.setText('[Content_Types].xml', removeOverride(this.contentTypes(), part));
    }
    const ids = new Set(tables.map((t) => t.id));
    this.setText(
      relsPart,
      removeElements(this.text(relsPart)!, relsPart, (el) => el.uri === NS.pkgRel && ids.has(el.attrs.Id ?? '')),
    );
  }

  /** Writes single cells into existing sheets, leaving every other cell, row and element of them as it was. */
  updateCells(updates: CellUpdate[]): void {
    if (updates.length === 0) return;
    wrapErrors(() => {
      const bySheet = new Map<string, CellUpdate[]>();
      for (const u of updates) bySheet.set(u.sheet, [...(bySheet.get(u.sheet) ?? []), u]);
      for (const [name, list] of bySheet) {
        const s = this.sheet(name);
        this.setText(s.part, applyCellUpdates(this.sheetText(s), s.part, list));
      }
      this.sheetsChanged = true;
    });
  }

  /** Registers grown by appended rows: their tables, validations and conditional formats reach the new rows. */
  growRegisters(growth: RegisterGrowth[]): void {
    wrapErrors(() => {
      for (const g of growth) {
        if (g.newLastRow <= g.lastRow) continue;
        const s = this.sheet(g.sheet);
        this.setText(s.part, growValidations(this.sheetText(s), s.part, g.lastRow, g.newLastRow));
        const relsPart = relsPartOf(s.part);
        for (const rel of readRelationships(this.text(relsPart), relsPart)) {
          if (rel.type !== REL.table || rel.external) continue;
          const part = resolveTarget(s.part, rel.target);
          const xml = this.text(part);
          if (xml !== null) this.setText(part, grownTable(xml, part, g.lastRow, g.newLastRow));
        }
      }
      this.sheetsChanged = true;
    });
  }

  /** The package as .xlsx bytes: changed parts written anew, every other part copied as stored. */
  async save(): Promise<Uint8Array> {
    if (this.sheetsChanged) this.prepareRecalculation();
    const out: EntryToWrite[] = [];
    const done = new Set<string>();
    for (const [name, entry] of this.entries) {
      done.add(name);
      const c = this.changed.get(name);
      if (c === undefined) out.push(entry);
      else if (c !== null) out.push({ name, content: this.encode(name, c) });
    }
    for (const [name, c] of this.changed) {
      if (done.has(name) || c === null) continue;
      out.push({ name, content: this.encode(name, c) });
    }
    return writeContainer(out);
  }

  private encode(name: string, c: string | Uint8Array): Uint8Array {
    if (typeof c !== 'string') return c;
    const bytes = partBytesOf(c);
    if (!this.boms.has(name)) return bytes;
    const out = new Uint8Array(bytes.length + 3);
    out.set(UTF8_BOM);
    out.set(bytes, 3);
    return out;
  }

  /**
   * Cached formula results over changed cells are stale: every program is asked to recalculate on opening, and
   * the calculation chain (a cache Excel rebuilds) is dropped rather than left listing cells that changed.
   */
  private prepareRecalculation(): void {
    this.setText(this.workbookPart, requestFullCalcOnLoad(this.text(this.workbookPart)!, this.workbookPart));
    const relsPart = relsPartOf(this.workbookPart);
    const chain = this.relsOf(this.workbookPart).find((r) => r.type === REL.calcChain);
    if (!chain) return;
    const part = resolveTarget(this.workbookPart, chain.target);
    this.remove(part);
    this.setText(
      relsPart,
      removeElements(this.text(relsPart)!, relsPart, (el) => el.uri === NS.pkgRel && el.attrs.Id === chain.id),
    );
    this.setText('[Content_Types].xml', removeOverride(this.contentTypes(), part));
  }

  /** The content type a part is declared with (for tests and the audit). */
  contentType(part: string): string | undefined {
    return contentTypeOf(readContentTypes(this.contentTypes()), part);
  }

  /** Names of every part, as stored. */
  partNames(): string[] {
    return [...this.names.values()].filter((n) => this.has(n));
  }
}

/** A table part whose range ends on `lastRow`, extended (with its autoFilter) to `newLastRow`. */
function grownTable(text: string, part: string, lastRow: number, newLastRow: number): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.main || (el.local !== 'table' && el.local !== 'autoFilter')) return;
      const ref = el.attrs.ref;
      if (ref === undefined) return;
      const grown = grownSqref(ref, lastRow, newLastRow);
      if (grown !== ref)
        edits.push({
          start: el.start,
          end: el.openEnd,
          text: withAttribute(text.slice(el.start, el.openEnd), 'ref', grown),
        });
    },
  });
  return splice(text, edits);
}

function columnIndex(ref: string): number {
  const m = /^([A-Z]+)/.exec(ref)!;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Namespace declarations of a sheet's root besides the default and `r` (and its mc:Ignorable), carried over to
 * the sheet that replaces it, so the elements kept from it stay bound to their namespaces.
 */
function extraDeclarations(text: string, part: string): string {
  const outline = sheetOutline(text, part);
  const tag = outline.text.slice(outline.tree.root.start, outline.tree.root.openEnd);
  const out: string[] = [];
  const re = /\s(xmlns:([\w.-]+)|mc:Ignorable)\s*=\s*("[^"]*"|'[^']*')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    if (m[2] === 'r') continue;
    out.push(`${m[1]}="${m[3].slice(1, -1).replace(/"/g, '&quot;')}"`);
  }
  return out.join(' ');
}

/**
 * A worksheet without its <sheetData>, which holds nearly all of a large sheet's text and none of what a rewrite
 * keeps: the root and its other children are then parsed in a moment. The whole sheet is parsed when the cut
 * would not leave well-formed XML (a comment quoting the tags, say).
 */
function sheetOutline(text: string, part: string): { text: string; tree: ReturnType<typeof rootAndChildren> } {
  const open = /<([A-Za-z_][\w.-]*:)?sheetData[\s/>]/.exec(text);
  if (open) {
    const p = open[1] ?? '';
    const selfClosing = /^<[^>]*\/>/.exec(text.slice(open.index));
    const end = selfClosing ? open.index + selfClosing[0].length : text.lastIndexOf(`</${p}sheetData>`);
    if (end > open.index) {
      const close = selfClosing ? end : end + `</${p}sheetData>`.length;
      const reduced = text.slice(0, open.index) + text.slice(close);
      try {
        return { text: reduced, tree: rootAndChildren(reduced, part) };
      } catch {
        // Fall through to the whole sheet.
      }
    }
  }
  return { text, tree: rootAndChildren(text, part) };
}

/** The password-hash protection attributes of a sheet, read without building its cells. */
function sheetProtectionOf(text: string, part: string): string | null {
  let found: string | null = null;
  walkXml(text, part, {
    open(el) {
      if (el.uri !== NS.main) return;
      if (el.local === 'sheetProtection') {
        const on = el.attrs.sheet === '1' || el.attrs.sheet === 'true';
        if (on && (el.attrs.hashValue || el.attrs.password))
          found = Object.entries(el.attrs)
            .map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
            .join(' ');
        throw STOP_WALK;
      }
      // <sheetProtection> comes right after <sheetData> (and <sheetCalcPr>): past them, there is none.
      if (
        el.depth === 1 &&
        !['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr'].includes(el.local)
      )
        throw STOP_WALK;
    },
  });
  return found;
}

function wrapErrors<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof XmlError || e instanceof ContainerError) throw new XlsxError(e.message, e.messageEn);
    throw e;
  }
}
