import { SaxesParser } from 'saxes';

// The part of the ECMA-376 Part 1 (transitional) schema that covers what we write, as data: for each element
// the children it may have in the order its xsd:sequence gives them, and its attributes with their types
// (enumerations quoted from the schema's simple types). A part is checked element by element: unknown elements
// and attributes, children out of order or repeated where the schema says once, values outside their type.
// It is a check of our writer against the schema's rules, not a general validator: elements of other namespaces
// (what other programs add, which we keep as they are) are skipped.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type AttrType = 'string' | 'bool' | 'uint' | 'int' | 'double' | 'ref' | 'sqref' | 'hex' | string[];

interface ElementRule {
  /** Children in sequence order; "*" after a name: may repeat. A choice group is written [a|b|c]. */
  children?: string[];
  attrs?: Record<string, AttrType>;
  /** Text content allowed. */
  text?: boolean;
}

const BOOL: AttrType = 'bool';
const UINT: AttrType = 'uint';
const ST_Pane = ['bottomRight', 'topRight', 'bottomLeft', 'topLeft'];
const ST_BorderStyle = [
  'none',
  'thin',
  'medium',
  'dashed',
  'dotted',
  'thick',
  'double',
  'hair',
  'mediumDashed',
  'dashDot',
  'mediumDashDot',
  'dashDotDot',
  'mediumDashDotDot',
  'slantDashDot',
];
const ST_PatternType = [
  'none',
  'solid',
  'mediumGray',
  'darkGray',
  'lightGray',
  'darkHorizontal',
  'darkVertical',
  'darkDown',
  'darkUp',
  'darkGrid',
  'darkTrellis',
  'lightHorizontal',
  'lightVertical',
  'lightDown',
  'lightUp',
  'lightGrid',
  'lightTrellis',
  'gray125',
  'gray0625',
];
const COLOR: ElementRule = { attrs: { auto: BOOL, indexed: UINT, rgb: 'hex', theme: UINT, tint: 'double' } };
const SIDE: ElementRule = { children: ['color'], attrs: { style: ST_BorderStyle } };

export const SML: Record<string, ElementRule> = {
  // 18.3.1.99 CT_Worksheet
  worksheet: {
    children: [
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols*',
      'sheetData',
      'sheetCalcPr',
      'sheetProtection',
      'protectedRanges',
      'scenarios',
      'autoFilter',
      'sortState',
      'dataConsolidate',
      'customSheetViews',
      'mergeCells',
      'phoneticPr',
      'conditionalFormatting*',
      'dataValidations',
      'hyperlinks',
      'printOptions',
      'pageMargins',
      'pageSetup',
      'headerFooter',
      'rowBreaks',
      'colBreaks',
      'customProperties',
      'cellWatches',
      'ignoredErrors',
      'smartTags',
      'drawing',
      'legacyDrawing',
      'legacyDrawingHF',
      'drawingHF',
      'picture',
      'oleObjects',
      'controls',
      'webPublishItems',
      'tableParts',
      'extLst',
    ],
  },
  sheetPr: {
    children: ['tabColor', 'outlinePr', 'pageSetUpPr'],
    attrs: {
      syncHorizontal: BOOL,
      syncVertical: BOOL,
      transitionEvaluation: BOOL,
      transitionEntry: BOOL,
      published: BOOL,
      codeName: 'string',
      filterMode: BOOL,
      enableFormatConditionsCalculation: BOOL,
    },
  },
  tabColor: COLOR,
  pageSetUpPr: { attrs: { autoPageBreaks: BOOL, fitToPage: BOOL } },
  dimension: { attrs: { ref: 'sqref' } },
  sheetViews: { children: ['sheetView*', 'extLst'] },
  sheetView: {
    children: ['pane', 'selection*', 'pivotSelection*', 'extLst'],
    attrs: {
      windowProtection: BOOL,
      showFormulas: BOOL,
      showGridLines: BOOL,
      showRowColHeaders: BOOL,
      showZeros: BOOL,
      rightToLeft: BOOL,
      tabSelected: BOOL,
      showRuler: BOOL,
      showOutlineSymbols: BOOL,
      defaultGridColor: BOOL,
      showWhiteSpace: BOOL,
      view: ['normal', 'pageBreakPreview', 'pageLayout'],
      topLeftCell: 'ref',
      colorId: UINT,
      zoomScale: UINT,
      zoomScaleNormal: UINT,
      zoomScaleSheetLayoutView: UINT,
      zoomScalePageLayoutView: UINT,
      workbookViewId: UINT,
    },
  },
  pane: {
    attrs: {
      xSplit: 'double',
      ySplit: 'double',
      topLeftCell: 'ref',
      activePane: ST_Pane,
      state: ['split', 'frozen', 'frozenSplit'],
    },
  },
  selection: { attrs: { pane: ST_Pane, activeCell: 'ref', activeCellId: UINT, sqref: 'sqref' } },
  sheetFormatPr: {
    attrs: {
      baseColWidth: UINT,
      defaultColWidth: 'double',
      defaultRowHeight: 'double',
      customHeight: BOOL,
      zeroHeight: BOOL,
      thickTop: BOOL,
      thickBottom: BOOL,
      outlineLevelRow: UINT,
      outlineLevelCol: UINT,
    },
  },
  cols: { children: ['col*'] },
  col: {
    attrs: {
      min: UINT,
      max: UINT,
      width: 'double',
      style: UINT,
      hidden: BOOL,
      bestFit: BOOL,
      customWidth: BOOL,
      phonetic: BOOL,
      outlineLevel: UINT,
      collapsed: BOOL,
    },
  },
  // 18.3.1.80 CT_SheetData, 18.3.1.73 CT_Row, 18.3.1.4 CT_Cell
  sheetData: { children: ['row*'] },
  row: {
    children: ['c*', 'extLst'],
    attrs: {
      r: UINT,
      spans: 'string',
      s: UINT,
      customFormat: BOOL,
      ht: 'double',
      hidden: BOOL,
      customHeight: BOOL,
      outlineLevel: UINT,
      collapsed: BOOL,
      thickTop: BOOL,
      thickBot: BOOL,
      ph: BOOL,
    },
  },
  c: {
    children: ['f', 'v', 'is', 'extLst'],
    attrs: { r: 'ref', s: UINT, t: ['b', 'n', 'e', 's', 'str', 'inlineStr', 'd'], cm: UINT, vm: UINT, ph: BOOL },
  },
  f: {
    text: true,
    attrs: {
      t: ['normal', 'array', 'dataTable', 'shared'],
      aca: BOOL,
      ref: 'sqref',
      dt2D: BOOL,
      dtr: BOOL,
      del1: BOOL,
      del2: BOOL,
      r1: 'ref',
      r2: 'ref',
      ca: BOOL,
      si: UINT,
      bx: BOOL,
    },
  },
  v: { text: true },
  is: { children: ['t', 'r*', 'rPh*', 'phoneticPr'] },
  t: { text: true },
  // 18.3.1.85 CT_SheetProtection
  sheetProtection: {
    attrs: {
      password: 'hex',
      algorithmName: 'string',
      hashValue: 'string',
      saltValue: 'string',
      spinCount: UINT,
      sheet: BOOL,
      objects: BOOL,
      scenarios: BOOL,
      formatCells: BOOL,
      formatColumns: BOOL,
      formatRows: BOOL,
      insertColumns: BOOL,
      insertRows: BOOL,
      insertHyperlinks: BOOL,
      deleteColumns: BOOL,
      deleteRows: BOOL,
      selectLockedCells: BOOL,
      sort: BOOL,
      autoFilter: BOOL,
      pivotTables: BOOL,
      selectUnlockedCells: BOOL,
    },
  },
  mergeCells: { children: ['mergeCell*'], attrs: { count: UINT } },
  mergeCell: { attrs: { ref: 'sqref' } },
  // 18.3.1.18 CT_ConditionalFormatting, 18.3.1.10 CT_CfRule
  conditionalFormatting: { children: ['cfRule*', 'extLst'], attrs: { pivot: BOOL, sqref: 'sqref' } },
  cfRule: {
    children: ['formula*', 'colorScale', 'dataBar', 'iconSet', 'extLst'],
    attrs: {
      type: [
        'expression',
        'cellIs',
        'colorScale',
        'dataBar',
        'iconSet',
        'top10',
        'uniqueValues',
        'duplicateValues',
        'containsText',
        'notContainsText',
        'beginsWith',
        'endsWith',
        'containsBlanks',
        'notContainsBlanks',
        'containsErrors',
        'notContainsErrors',
        'timePeriod',
        'aboveAverage',
      ],
      dxfId: UINT,
      priority: 'int',
      stopIfTrue: BOOL,
      aboveAverage: BOOL,
      percent: BOOL,
      bottom: BOOL,
      operator: 'string',
      text: 'string',
      timePeriod: 'string',
      rank: UINT,
      stdDev: 'int',
      equalAverage: BOOL,
    },
  },
  formula: { text: true },
  // 18.3.1.33 CT_DataValidations, 18.3.1.32 CT_DataValidation
  dataValidations: {
    children: ['dataValidation*'],
    attrs: { disablePrompts: BOOL, xWindow: UINT, yWindow: UINT, count: UINT },
  },
  dataValidation: {
    children: ['formula1', 'formula2'],
    attrs: {
      type: ['none', 'whole', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'],
      errorStyle: ['stop', 'warning', 'information'],
      imeMode: [
        'noControl',
        'off',
        'on',
        'disabled',
        'hiragana',
        'fullKatakana',
        'halfKatakana',
        'fullAlpha',
        'halfAlpha',
        'fullHangul',
        'halfHangul',
      ],
      operator: [
        'between',
        'notBetween',
        'equal',
        'notEqual',
        'lessThan',
        'lessThanOrEqual',
        'greaterThan',
        'greaterThanOrEqual',
      ],
      allowBlank: BOOL,
      showDropDown: BOOL,
      showInputMessage: BOOL,
      showErrorMessage: BOOL,
      errorTitle: 'string',
      error: 'string',
      promptTitle: 'string',
      prompt: 'string',
      sqref: 'sqref',
    },
  },
  formula1: { text: true },
  formula2: { text: true },
  pageMargins: {
    attrs: { left: 'double', right: 'double', top: 'double', bottom: 'double', header: 'double', footer: 'double' },
  },
  pageSetup: {
    attrs: {
      paperSize: UINT,
      scale: UINT,
      firstPageNumber: UINT,
      fitToWidth: UINT,
      fitToHeight: UINT,
      pageOrder: ['downThenOver', 'overThenDown'],
      orientation: ['default', 'portrait', 'landscape'],
      usePrinterDefaults: BOOL,
      blackAndWhite: BOOL,
      draft: BOOL,
      cellComments: ['none', 'asDisplayed', 'atEnd'],
      useFirstPageNumber: BOOL,
      errors: ['displayed', 'blank', 'dash', 'NA'],
      horizontalDpi: UINT,
      verticalDpi: UINT,
      copies: UINT,
    },
  },
  rowBreaks: { children: ['brk*'], attrs: { count: UINT, manualBreakCount: UINT } },
  colBreaks: { children: ['brk*'], attrs: { count: UINT, manualBreakCount: UINT } },
  brk: { attrs: { id: UINT, min: UINT, max: UINT, man: BOOL, pt: BOOL } },
  tableParts: { children: ['tablePart*'], attrs: { count: UINT } },
  tablePart: {},
  drawing: {},
  legacyDrawing: {},
  // 18.8.39 CT_Stylesheet
  styleSheet: {
    children: [
      'numFmts',
      'fonts',
      'fills',
      'borders',
      'cellStyleXfs',
      'cellXfs',
      'cellStyles',
      'dxfs',
      'tableStyles',
      'colors',
      'extLst',
    ],
  },
  numFmts: { children: ['numFmt*'], attrs: { count: UINT } },
  numFmt: { attrs: { numFmtId: UINT, formatCode: 'string' } },
  fonts: { children: ['font*'], attrs: { count: UINT } },
  // CT_Font is a repeating choice: any order.
  font: { children: ['[b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color|name|family|charset|scheme]*'] },
  b: { attrs: { val: BOOL } },
  i: { attrs: { val: BOOL } },
  sz: { attrs: { val: 'double' } },
  color: COLOR,
  name: { attrs: { val: 'string' } },
  family: { attrs: { val: 'int' } },
  charset: { attrs: { val: 'int' } },
  scheme: { attrs: { val: ['none', 'major', 'minor'] } },
  fills: { children: ['fill*'], attrs: { count: UINT } },
  fill: { children: ['[patternFill|gradientFill]'] },
  patternFill: { children: ['fgColor', 'bgColor'], attrs: { patternType: ST_PatternType } },
  fgColor: COLOR,
  bgColor: COLOR,
  borders: { children: ['border*'], attrs: { count: UINT } },
  border: {
    children: ['start', 'end', 'left', 'right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'],
    attrs: { diagonalUp: BOOL, diagonalDown: BOOL, outline: BOOL },
  },
  left: SIDE,
  right: SIDE,
  top: SIDE,
  bottom: SIDE,
  diagonal: SIDE,
  cellStyleXfs: { children: ['xf*'], attrs: { count: UINT } },
  cellXfs: { children: ['xf*'], attrs: { count: UINT } },
  xf: {
    children: ['alignment', 'protection', 'extLst'],
    attrs: {
      numFmtId: UINT,
      fontId: UINT,
      fillId: UINT,
      borderId: UINT,
      xfId: UINT,
      quotePrefix: BOOL,
      pivotButton: BOOL,
      applyNumberFormat: BOOL,
      applyFont: BOOL,
      applyFill: BOOL,
      applyBorder: BOOL,
      applyAlignment: BOOL,
      applyProtection: BOOL,
    },
  },
  alignment: {
    attrs: {
      horizontal: ['general', 'left', 'center', 'right', 'fill', 'justify', 'centerContinuous', 'distributed'],
      vertical: ['top', 'center', 'bottom', 'justify', 'distributed'],
      textRotation: UINT,
      wrapText: BOOL,
      indent: UINT,
      relativeIndent: 'int',
      justifyLastLine: BOOL,
      shrinkToFit: BOOL,
      readingOrder: UINT,
    },
  },
  protection: { attrs: { locked: BOOL, hidden: BOOL } },
  cellStyles: { children: ['cellStyle*'], attrs: { count: UINT } },
  cellStyle: {
    attrs: { name: 'string', xfId: UINT, builtinId: UINT, iLevel: UINT, hidden: BOOL, customBuiltin: BOOL },
  },
  dxfs: { children: ['dxf*'], attrs: { count: UINT } },
  dxf: { children: ['font', 'numFmt', 'fill', 'alignment', 'border', 'protection', 'extLst'] },
  tableStyles: {
    children: ['tableStyle*'],
    attrs: { count: UINT, defaultTableStyle: 'string', defaultPivotStyle: 'string' },
  },
  // 18.2.27 CT_Workbook
  workbook: {
    children: [
      'fileVersion',
      'fileSharing',
      'workbookPr',
      'workbookProtection',
      'bookViews',
      'sheets',
      'functionGroups',
      'externalReferences',
      'definedNames',
      'calcPr',
      'oleSize',
      'customWorkbookViews',
      'pivotCaches',
      'smartTagPr',
      'smartTagTypes',
      'webPublishing',
      'fileRecoveryPr',
      'webPublishObjects',
      'extLst',
    ],
  },
  workbookPr: {
    attrs: {
      date1904: BOOL,
      showObjects: ['all', 'placeholders', 'none'],
      showBorderUnselectedTables: BOOL,
      filterPrivacy: BOOL,
      promptedSolutions: BOOL,
      showInkAnnotation: BOOL,
      backupFile: BOOL,
      saveExternalLinkValues: BOOL,
      updateLinks: ['userSet', 'never', 'always'],
      codeName: 'string',
      hidePivotFieldList: BOOL,
      showPivotChartFilter: BOOL,
      allowRefreshQuery: BOOL,
      publishItems: BOOL,
      checkCompatibility: BOOL,
      autoCompressPictures: BOOL,
      refreshAllConnections: BOOL,
      defaultThemeVersion: UINT,
    },
  },
  bookViews: { children: ['workbookView*'] },
  workbookView: {
    children: ['extLst'],
    attrs: {
      visibility: ['visible', 'hidden', 'veryHidden'],
      minimized: BOOL,
      showHorizontalScroll: BOOL,
      showVerticalScroll: BOOL,
      showSheetTabs: BOOL,
      xWindow: 'int',
      yWindow: 'int',
      windowWidth: UINT,
      windowHeight: UINT,
      tabRatio: UINT,
      firstSheet: UINT,
      activeTab: UINT,
      autoFilterDateGrouping: BOOL,
    },
  },
  sheets: { children: ['sheet*'] },
  sheet: { attrs: { name: 'string', sheetId: UINT, state: ['visible', 'hidden', 'veryHidden'] } },
  definedNames: { children: ['definedName*'] },
  definedName: {
    text: true,
    attrs: {
      name: 'string',
      comment: 'string',
      customMenu: 'string',
      description: 'string',
      help: 'string',
      statusBar: 'string',
      localSheetId: UINT,
      hidden: BOOL,
      function: BOOL,
      vbProcedure: BOOL,
      xlm: BOOL,
      functionGroupId: UINT,
      shortcutKey: 'string',
      publishToServer: BOOL,
      workbookParameter: BOOL,
    },
  },
  calcPr: {
    attrs: {
      calcId: UINT,
      calcMode: ['manual', 'auto', 'autoNoTable'],
      fullCalcOnLoad: BOOL,
      refMode: ['A1', 'R1C1'],
      iterate: BOOL,
      iterateCount: UINT,
      iterateDelta: 'double',
      fullPrecision: BOOL,
      calcCompleted: BOOL,
      calcOnSave: BOOL,
      concurrentCalc: BOOL,
      concurrentManualCount: UINT,
      forceFullCalc: BOOL,
    },
  },
  // 18.5.1.2 CT_Table
  table: {
    children: ['autoFilter', 'sortState', 'tableColumns', 'tableStyleInfo', 'extLst'],
    attrs: {
      id: UINT,
      name: 'string',
      displayName: 'string',
      comment: 'string',
      ref: 'sqref',
      tableType: ['worksheet', 'xml', 'queryTable'],
      headerRowCount: UINT,
      insertRow: BOOL,
      insertRowShift: BOOL,
      totalsRowCount: UINT,
      totalsRowShown: BOOL,
      published: BOOL,
      headerRowDxfId: UINT,
      dataDxfId: UINT,
      totalsRowDxfId: UINT,
      headerRowBorderDxfId: UINT,
      tableBorderDxfId: UINT,
      totalsRowBorderDxfId: UINT,
      headerRowCellStyle: 'string',
      dataCellStyle: 'string',
      totalsRowCellStyle: 'string',
      connectionId: UINT,
    },
  },
  autoFilter: { children: ['filterColumn*', 'sortState', 'extLst'], attrs: { ref: 'sqref' } },
  tableColumns: { children: ['tableColumn*'], attrs: { count: UINT } },
  tableColumn: {
    children: ['calculatedColumnFormula', 'totalsRowFormula', 'xmlColumnPr', 'extLst'],
    attrs: {
      id: UINT,
      uniqueName: 'string',
      name: 'string',
      totalsRowFunction: 'string',
      totalsRowLabel: 'string',
      queryTableFieldId: UINT,
      headerRowDxfId: UINT,
      dataDxfId: UINT,
      totalsRowDxfId: UINT,
      headerRowCellStyle: 'string',
      dataCellStyle: 'string',
      totalsRowCellStyle: 'string',
    },
  },
  tableStyleInfo: {
    attrs: {
      name: 'string',
      showFirstColumn: BOOL,
      showLastColumn: BOOL,
      showRowStripes: BOOL,
      showColumnStripes: BOOL,
    },
  },
};

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;

function valueOk(type: AttrType, v: string): boolean {
  if (Array.isArray(type)) return type.includes(v);
  switch (type) {
    case 'bool':
      return ['0', '1', 'true', 'false'].includes(v);
    case 'uint':
      return /^\d+$/.test(v) && Number(v) <= 4294967295;
    case 'int':
      return /^-?\d+$/.test(v);
    case 'double':
      return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v);
    case 'hex':
      return /^[0-9A-Fa-f]+$/.test(v);
    case 'ref':
      return CELL.test(v);
    case 'sqref':
      return v.split(' ').every((r) => r.split(':').length <= 2 && r.split(':').every((x) => CELL.test(x)));
    default:
      return true;
  }
}

/** The schema's complaints about one part of ours, as "element: problem" lines; none for a valid part. */
export function checkPart(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  // Per open element: its rule and how far through its sequence the children have come.
  const stack: { name: string; rule: ElementRule | null; at: number; seen: Set<string> }[] = [];
  const position = (rule: ElementRule, local: string): { index: number; repeat: boolean } | null => {
    const list = rule.children ?? [];
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      const repeat = entry.endsWith('*');
      const names = entry
        .replace(/\*$/, '')
        .replace(/^\[|\]$/g, '')
        .split('|');
      if (names.includes(local)) return { index: i, repeat: repeat || names.length > 1 };
    }
    return null;
  };
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    if (tag.uri !== MAIN) {
      // Another namespace (relationships' r:id are attributes; elements of other vocabularies are not ours).
      stack.push({ name: tag.name, rule: null, at: 0, seen: new Set() });
      return;
    }
    const rule = SML[tag.local] ?? null;
    if (!rule) problems.push(`${tag.local}: not an element this check knows`);
    if (parent?.rule) {
      const pos = position(parent.rule, tag.local);
      if (!pos) problems.push(`${parent.name}: may not hold ${tag.local}`);
      else {
        if (pos.index < parent.at) problems.push(`${parent.name}: ${tag.local} out of the schema's order`);
        if (!pos.repeat && parent.seen.has(tag.local)) problems.push(`${parent.name}: ${tag.local} more than once`);
        parent.at = Math.max(parent.at, pos.index);
        parent.seen.add(tag.local);
      }
    }
    if (rule) {
      for (const a of Object.values(tag.attributes)) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns' || a.uri !== '') continue;
        const type = rule.attrs?.[a.local];
        if (!type) problems.push(`${tag.local}: attribute ${a.local} is not in the schema`);
        else if (!valueOk(type, a.value)) problems.push(`${tag.local}: ${a.local}="${a.value}" is not a valid value`);
      }
    }
    stack.push({ name: tag.local, rule, at: 0, seen: new Set() });
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top?.rule && !top.rule.text && t.trim() !== '') problems.push(`${top.name}: holds text`);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return problems;
}
