import fs from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEV_URL, productionUrl, rewriteManifest } from '../../addin-build/manifest-url';
import { COMMAND_IDS } from '../../src/addin/commands/commands';

const ROOT = path.resolve(__dirname, '../..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** The manifest as an ordered element tree (fast-xml-parser's preserveOrder form, made readable). */
function parse(xml: string): El {
  const raw = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const convert = (node: Record<string, unknown>): El | null => {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name.startsWith('?') || name === '#text') return null;
    const items = node[name] as Record<string, unknown>[];
    return {
      name,
      attrs: (node[':@'] as Record<string, string>) ?? {},
      children: items.map(convert).filter((e): e is El => e !== null),
      text: items
        .map((i) => (typeof i['#text'] === 'string' || typeof i['#text'] === 'number' ? String(i['#text']) : ''))
        .join(''),
    };
  };
  return (raw as Record<string, unknown>[]).map(convert).find((e): e is El => e !== null)!;
}

function all(
  el: El,
  pred: (e: El, parent: El | null) => boolean,
  parent: El | null = null,
): { el: El; parent: El | null }[] {
  const here = pred(el, parent) ? [{ el, parent }] : [];
  return here.concat(el.children.flatMap((c) => all(c, pred, el)));
}

const child = (el: El, name: string): El | undefined => el.children.find((c) => c.name === name);
const path_ = (el: El, ...names: string[]): El => names.reduce((e, n) => child(e, n)!, el);

const root = parse(XML);
const resources = path_(root, 'VersionOverrides', 'Resources');
const idsIn = (group: string): Set<string> => new Set((child(resources, group)?.children ?? []).map((e) => e.attrs.id));
const defined = {
  images: idsIn('bt:Images'),
  urls: idsIn('bt:Urls'),
  short: idsIn('bt:ShortStrings'),
  long: idsIn('bt:LongStrings'),
};
const host = path_(root, 'VersionOverrides', 'Hosts', 'Host');

describe('manifest.xml', () => {
  it('is well-formed XML for a task pane add-in with VersionOverrides 1.0', () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(root, 'VersionOverrides')!.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(child(root, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the schema order of the base manifest and of the host', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(root.children.map((c) => c.name)).toEqual(order);
    expect(host.children.map((c) => c.name)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    expect(child(root, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(path_(root, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
  });

  it('declares the requirement sets the shared runtime, the functions and the Office host need', () => {
    const sets = Object.fromEntries(
      path_(root, 'Requirements', 'Sets').children.map((s) => [s.attrs.Name, s.attrs.MinVersion]),
    );
    expect(sets).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', ExcelApi: '1.9' });
  });

  it('defines every resid it references, in the right kind of resource', () => {
    const kindOf = (el: El, parent: El | null): keyof typeof defined => {
      if (el.name === 'bt:Image') return 'images';
      if (['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'].includes(el.name)) return 'urls';
      if (el.name === 'Description' && (parent?.name === 'Supertip' || parent?.name === 'GetStarted')) return 'long';
      return 'short';
    };
    const refs = all(root, (e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(30);
    for (const { el, parent } of refs) {
      const kind = kindOf(el, parent);
      expect({ resid: el.attrs.resid, kind, defined: defined[kind].has(el.attrs.resid) }).toEqual({
        resid: el.attrs.resid,
        kind,
        defined: true,
      });
      expect(el.attrs.resid.length).toBeLessThanOrEqual(32);
    }
    // The raw text agrees: no resid="…" escapes the tree walk.
    const rawRefs = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(rawRefs.length).toBe(refs.length);
  });

  it('runs one shared runtime: Runtime, custom functions Page, FunctionFile and task pane share Taskpane.Url', () => {
    const runtime = path_(host, 'Runtimes', 'Runtime');
    expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const cf = path_(host, 'AllFormFactors', 'ExtensionPoint');
    expect(cf.attrs['xsi:type']).toBe('CustomFunctions');
    expect(path_(cf, 'Page', 'SourceLocation').attrs.resid).toBe(runtime.attrs.resid);
    expect(path_(cf, 'Script', 'SourceLocation').attrs.resid).toBe('Functions.Script.Url');
    expect(path_(cf, 'Metadata', 'SourceLocation').attrs.resid).toBe('Functions.Metadata.Url');
    const ns = child(cf, 'Namespace')!.attrs.resid;
    expect(child(resources, 'bt:ShortStrings')!.children.find((s) => s.attrs.id === ns)!.attrs.DefaultValue).toBe(
      'CEEAS',
    );
    expect(path_(host, 'DesktopFormFactor', 'FunctionFile').attrs.resid).toBe(runtime.attrs.resid);
    const url = (id: string) =>
      child(resources, 'bt:Urls')!.children.find((u) => u.attrs.id === id)!.attrs.DefaultValue;
    expect(url('Taskpane.Url')).toBe(`${DEV_URL}taskpane.html`);
    expect(url('Functions.Script.Url')).toBe(`${DEV_URL}functions.js`);
    expect(url('Functions.Metadata.Url')).toBe(`${DEV_URL}functions.json`);
    expect(path_(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(url('Taskpane.Url'));
  });

  it('points every URL at the dev server over https', () => {
    const urls = all(root, (e) => /^https?:/.test(e.attrs.DefaultValue ?? '') || /^https?:/.test(e.text))
      .map(({ el }) => el.attrs.DefaultValue ?? el.text)
      .concat(all(root, (e) => /^https?:/.test(e.attrs.Value ?? '')).map(({ el }) => el.attrs.Value));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    expect(child(root, 'AppDomains')!.children.map((d) => d.text)).toEqual(['https://localhost:3000']);
  });

  it('has icons that exist in assets/', () => {
    const files = all(root, (e) => /\.png$/.test(e.attrs.DefaultValue ?? '')).map(({ el }) => el.attrs.DefaultValue);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const local = path.join(ROOT, f.slice(DEV_URL.length));
      expect(fs.existsSync(local)).toBe(true);
      // A PNG signature, not a placeholder.
      expect(fs.readFileSync(local).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    }
  });

  it('puts four buttons on the 成果评价 tab: three commands and the task pane', () => {
    const tab = path_(host, 'DesktopFormFactor', 'ExtensionPoint', 'CustomTab');
    expect(tab.attrs.id).toBe('CEEAS.Tab');
    // The tab's Label follows its groups (CustomTab schema).
    expect(tab.children.map((c) => c.name)).toEqual(['Group', 'Label']);
    const shortText = (id: string) =>
      child(resources, 'bt:ShortStrings')!.children.find((s) => s.attrs.id === id)!.attrs.DefaultValue;
    expect(shortText(child(tab, 'Label')!.attrs.resid)).toBe('成果评价');
    const controls = child(tab, 'Group')!.children.filter((c) => c.name === 'Control');
    const summary = controls.map((c) => {
      const action = child(c, 'Action')!;
      return {
        label: shortText(child(c, 'Label')!.attrs.resid),
        type: action.attrs['xsi:type'],
        fn: child(action, 'FunctionName')?.text,
      };
    });
    expect(summary).toEqual([
      { label: '计算等级', type: 'ExecuteFunction', fn: 'computeGrades' },
      { label: '生成公示与通知', type: 'ExecuteFunction', fn: 'makeNotices' },
      { label: '审计检查', type: 'ExecuteFunction', fn: 'auditWorkbook' },
      { label: '打开任务窗格', type: 'ShowTaskpane', fn: undefined },
    ]);
    // Every ExecuteFunction is one the commands module associates.
    expect(summary.filter((s) => s.fn).map((s) => s.fn)).toEqual([...COMMAND_IDS]);
    const show = child(controls[3], 'Action')!;
    // A shared runtime has one task pane; a TaskpaneId would open a second one (shared-runtime guidance).
    expect(child(show, 'TaskpaneId')).toBeUndefined();
    expect(child(show, 'SourceLocation')!.attrs.resid).toBe('Taskpane.Url');
    for (const c of controls) {
      expect(child(c, 'Icon')!.children.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
      expect(child(c, 'Supertip')).toBeDefined();
    }
  });

  it('speaks Chinese by default with English overrides', () => {
    expect(child(root, 'DefaultLocale')!.text).toBe('zh-CN');
    const cjk = /[\u4e00-\u9fff]/;
    for (const name of ['DisplayName', 'Description']) {
      const el = child(root, name)!;
      expect(el.attrs.DefaultValue).toMatch(cjk);
      const en = el.children.find((o) => o.name === 'Override' && o.attrs.Locale === 'en-US');
      expect(en?.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
    const strings = [...child(resources, 'bt:ShortStrings')!.children, ...child(resources, 'bt:LongStrings')!.children];
    for (const s of strings.filter((x) => x.attrs.id !== 'Functions.Namespace')) {
      expect({ id: s.attrs.id, zh: cjk.test(s.attrs.DefaultValue) }).toEqual({ id: s.attrs.id, zh: true });
      const en = s.children.find((o) => o.name === 'bt:Override' && o.attrs.Locale === 'en-US');
      expect({ id: s.attrs.id, en: /^[\x20-\x7e’]+$/.test(en?.attrs.Value ?? '') }).toEqual({
        id: s.attrs.id,
        en: true,
      });
    }
    // Length limits of the schema: short strings 125, long strings 250 characters.
    for (const s of child(resources, 'bt:ShortStrings')!.children)
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of child(resources, 'bt:LongStrings')!.children)
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });
});

describe('production manifest rewrite', () => {
  it('rewrites every dev-server URL and the AppDomain to ADDIN_URL', () => {
    const base = productionUrl('https://addins.example.cn/ceeas');
    expect(base).toBe('https://addins.example.cn/ceeas/');
    const out = rewriteManifest(XML, base);
    expect(out).not.toMatch(/localhost:3000/);
    expect(XMLValidator.validate(out)).toBe(true);
    const prod = parse(out);
    const urls = child(path_(prod, 'VersionOverrides', 'Resources'), 'bt:Urls')!.children.map(
      (u) => u.attrs.DefaultValue,
    );
    for (const u of urls) expect(u.startsWith('https://addins.example.cn/ceeas/')).toBe(true);
    expect(child(prod, 'AppDomains')!.children.map((d) => d.text)).toEqual(['https://addins.example.cn']);
    expect(path_(prod, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(
      'https://addins.example.cn/ceeas/taskpane.html',
    );
    // Nothing else changes: the same elements in the same order.
    expect(out.replace(/https:\/\/addins\.example\.cn(\/ceeas\/)?/g, '')).toBe(
      XML.replace(/https:\/\/localhost:3000\/?/g, ''),
    );
  });

  it('defaults to a placeholder and refuses URLs Office cannot load', () => {
    expect(productionUrl(undefined)).toBe('https://www.contoso.com/ceeas/');
    expect(productionUrl('  ')).toBe('https://www.contoso.com/ceeas/');
    expect(() => productionUrl('http://example.cn/')).toThrow('https');
    expect(() => productionUrl('not a url')).toThrow('not a URL');
    expect(() => productionUrl('https://example.cn/?a=1')).toThrow('query');
  });
});
