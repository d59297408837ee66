// The secretariat's whole evaluation clicked through in the built task pane, in headless Chromium, against the
// fake Excel host: set up, import, formal review, three rounds of draw → sheets → scores (the first round through
// exported and returned workbooks), advancement, a bad score found and fixed through the findings list, notices,
// objections, release, audit. Screenshots of each step go to test-output/e2e/ (look at them after a change).
//
// The page is the production build (`webpack.config.js`, the same taskpane.html an office deploys); the request
// for Microsoft's office.js is answered with our harness, which installs the fake Excel host.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import webpack from 'webpack';
import { scoreFor } from './scores';
import { excelJsBook } from '../../helpers/excelJsReader';

const ROOT = path.resolve(__dirname, '../../..');
const SHOTS = path.join(ROOT, 'test-output', 'e2e');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const required = process.env.CI === 'true';

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'no stats'));
      resolve();
    }),
  );
}

/** A static server for the built add-in on loopback. */
function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

const CASES_CSV = [
  // The intake system's export carries the formal review's result.
  '案例编号,案例名称,申报单位,产业类别,规范性审核,初评',
  'C01,高效光伏组件智能产线改造,北方重工集团有限公司,A.2,通过,是',
  'C02,重载机车永磁牵引系统,华中能源科技股份有限公司,A.1,通过,是',
  'C03,工业互联网设备预测性维护平台,东海智能装备有限公司,A.2,通过,是',
  // Ids Excel would turn into a number and a date if they were written into General cells (office-js#229, #1559).
  '004,固态电池电解质中试,南岭新材料研究院,A.3,通过,是',
  '2026-01,"高端轴承寿命提升技术,含检测",西部精工股份公司,A.1,通过,是',
  'C06,=HYPERLINK("http://x"),江淮生物医药有限公司,A.2,通过,是',
].join('\n');

const EXPERTS_CSV = [
  '专家编号,姓名,工作单位,专业领域',
  ...Array.from({ length: 15 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const field = ['A.1', 'A.2', 'A.3'][i % 3];
    // E01 works for C01's applicant: drawn, it must recuse from C01.
    const org = i === 0 ? '北方重工集团有限公司' : `第${i + 1}研究所`;
    return `E${n},专家${n},${org},${field}`;
  }),
].join('\n');

const suite = CHROMIUM ? describe : required ? describe : describe.skip;

suite('the task pane in Chromium against the fake Excel host', () => {
  let browser: Browser;
  let page: Page;
  let site: { url: string; close: () => void };
  let dist: string;
  let work: string;
  let shot = 0;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('Chromium is not installed (apt-get install chromium); CI requires it.');
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) fs.rmSync(path.join(SHOTS, f));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ceeas-e2e-'));
    dist = path.join(work, 'dist');
    // The production add-in, as `npm run build` makes it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
    const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
    const config = await makeConfig({}, { mode: 'production' });
    await compile({ ...config, devtool: false, output: { ...config.output, path: dist } });
    // The harness that stands in for office.js.
    await compile({
      mode: 'development',
      devtool: false,
      entry: path.join(__dirname, 'harness.ts'),
      output: { path: path.join(work, 'harness'), filename: 'office.js' },
      resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { zlib: false, crypto: false, path: false, fs: false } },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            loader: require.resolve('ts-loader'),
            options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.addin.json') },
          },
        ],
      },
    });
    fs.copyFileSync(path.join(work, 'harness', 'office.js'), path.join(dist, 'fake-office.js'));
    site = await serve(dist);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function open(lang = 'zh-CN'): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    // office.js comes from Microsoft's CDN in production; here the harness answers for it. Nothing else leaves.
    await p.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      /office\.js$/.test(route.request().url())
        ? route.fulfill({ path: path.join(dist, 'fake-office.js'), contentType: 'text/javascript' })
        : route.abort(),
    );
    await p.goto(`${site.url}/taskpane.html?lang=${lang}`);
    await p.getByRole('tab', { name: lang.startsWith('en') ? 'Workbook' : '设置工作簿' }).waitFor();
    expect(errors).toEqual([]);
    return p;
  }

  const visible = () => page.locator('[role="tabpanel"]:not([hidden])');
  const section = (name: string) => visible().getByRole('region', { name, exact: true });
  const screenshot = async (name: string) => {
    shot++;
    await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  const tab = (name: string) => page.getByRole('tab', { name }).click();
  const harness = <T>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([f, a]) =>
        (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).__e2e[f as string](
          ...(a as unknown[]),
        ),
      [fn, args] as const,
    ) as Promise<T>;

  /** Clicks an action's button, confirms, and waits for its outcome in that section. */
  async function act(where: string, button: string, expectText: RegExp, confirm = true): Promise<string> {
    const s = section(where);
    const runs = Number((await s.getAttribute('data-runs')) ?? 0);
    await s.getByRole('button', { name: button, exact: true }).click();
    if (confirm) await page.getByRole('alertdialog').getByRole('button', { name: '继续' }).click();
    // The section counts its runs, so an earlier outcome with the same text is never taken for this one.
    await page.waitForFunction(
      ([el, n]) => Number(el?.getAttribute('data-runs')) > n && el?.getAttribute('data-status') !== 'busy',
      [await s.elementHandle(), runs] as const,
      { timeout: 60_000 },
    );
    const outcome = s.getByText(expectText).first();
    await outcome.waitFor({ timeout: 5_000 }).catch(async () => {
      await screenshot(`failed-${button}`);
      throw new Error(`“${button}” ended with: ${await s.textContent()}`);
    });
    return (await outcome.textContent()) ?? '';
  }

  async function drawAndGenerate(round: string, seed: string, exclude: boolean): Promise<string[]> {
    await tab('抽取与评分表');
    await visible().getByLabel('评审轮次').selectOption({ label: round });
    const draw = section('抽取专家（准则 5.2.3）');
    await draw.getByLabel('抽取人数').fill('5');
    await draw.getByLabel('每个案例至少的无冲突专家数').fill('3');
    await draw.getByLabel('随机种子').fill(seed);
    if (exclude) await draw.getByLabel('不抽前面轮次的专家').check();
    const drawn = await act('抽取专家（准则 5.2.3）', '抽取', new RegExp(`${round}抽中`));
    await act('生成本轮专家评分表', '生成本轮专家评分表', /生成 5 张评分表/);
    return drawn.split('（')[0].match(/E\d\d/g) ?? [];
  }

  it('runs a whole evaluation', async () => {
    page = await open();
    await screenshot('start');

    // 设置工作簿: a new workbook gets a generated password, shown once.
    await visible().getByLabel('操作人').fill('评价工作部 李明');
    await visible().getByLabel('评价名称').fill('2026年度企业科技创新成果转化评价（演示）');
    await act('设置工作簿', '设置工作簿', /已建立工作表/);
    const note = await visible().getByRole('alert').textContent();
    expect(note).toMatch(/本工作簿的保护密码为 [A-Za-z0-9]{12}/);
    expect(await harness<string[]>('sheets')).toEqual(
      expect.arrayContaining([
        '评分标准',
        '案例登记',
        '规范性审核',
        '专家库',
        '轮次设置',
        '节假日',
        '异议登记',
        '操作日志',
      ]),
    );
    await screenshot('setup-password');

    // 案例与专家: CSV imports (GBK would be detected too; this one is UTF-8) and the formal review.
    await tab('案例与专家');
    const csv = (name: string, text: string) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, text);
      return file;
    };
    await visible()
      .getByLabel(/^案例 CSV/)
      .setInputFiles(csv('cases.csv', CASES_CSV));
    await act('从 CSV 导入', '导入案例', /导入 6 个案例/);
    await visible()
      .getByLabel(/^专家 CSV/)
      .setInputFiles(csv('experts.csv', EXPERTS_CSV));
    await act('导入专家', '导入专家', /导入 15 位专家/);
    expect(await harness('value', '案例登记', 'B7')).toBe('=HYPERLINK("http://x")');
    // Text stays text: a leading zero and a date-like id are kept as typed, not made 4 and a date.
    expect(await harness('value', '案例登记', 'A5')).toBe('004');
    expect(await harness('value', '案例登记', 'A6')).toBe('2026-01');
    expect(await harness('formula', '案例登记', 'B7')).toBeNull();
    await act('规范性审核（准则 9.1.3）', '审核', /规范性审核：/);
    await screenshot('registers');

    // 初评: draw, sheets, one workbook exported per expert, filled by the expert, collected back.
    const initial = await drawAndGenerate('初评', '2026-12-01 初评抽取会', false);
    expect(initial).toHaveLength(5);
    const list = section('已生成的评分表');
    const returned: string[] = [];
    for (const id of initial) {
      const sheet = `初评-${id}`;
      const row = list.getByRole('listitem').filter({ hasText: sheet });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('button', { name: '导出' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${sheet}.xlsx`);
      const file = path.join(work, download.suggestedFilename());
      await download.saveAs(file);
      const wb = await excelJsBook(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual([sheet, '评分标准']);
      const ws = wb.getWorksheet(sheet)!;
      for (let r = 6; r < 12; r++) {
        if (ws.getCell(r, 24).value === '回避' || !ws.getCell(r, 2).value) continue;
        for (let c = 5; c <= 17; c++) ws.getCell(r, c).value = scoreFor(r, c, sheet);
      }
      await wb.xlsx.writeFile(file);
      returned.push(file);
    }
    await screenshot('initial-sheets');
    await visible()
      .getByLabel(/^专家交回的工作簿/)
      .setInputFiles(returned);
    await act('收回专家工作簿', '收回并写入', /收回 5 个文件，填入 \d+ 格/);
    await screenshot('collected');

    // 计算等级 after the first round, then the top four go on.
    await tab('计算与晋级');
    await act('计算等级', '计算等级', /已计算 6 个案例/);
    const advance = section('确定晋级（准则 9.2）');
    await advance.getByLabel('N 或门槛分数').fill('4');
    await act('确定晋级（准则 9.2）', '确定晋级', /初评→复评.*晋级 (C\d\d|004|2026-01)/);

    // 复评: experts type into their sheets in the workbook itself; then the top three go on to 终评.
    await drawAndGenerate('复评', '2026-12-08 复评抽取会', true);
    await harness('fillRound', '复评');
    await tab('计算与晋级');
    await act('计算等级', '计算等级', /已计算 6 个案例/);
    await advance.getByLabel('已结束的轮次').selectOption({ label: '复评' });
    await advance.getByLabel('N 或门槛分数').fill('3');
    await act('确定晋级（准则 9.2）', '确定晋级', /复评→终评/);

    // 终评, with one score typed out of range: the findings list names the cell and selects it.
    const finals = await drawAndGenerate('终评', '2026-12-15 终评抽取会', true);
    await harness('fillRound', '终评');
    const bad = `终评-${finals[1]}`;
    await harness('type', bad, 'E6', 11);
    await tab('计算与晋级');
    await act('计算等级', '计算等级', /已计算 6 个案例/);
    const finding = visible().getByRole('button', { name: new RegExp(`转到单元格 ${bad}!E6`) });
    await finding.waitFor();
    await screenshot('finding');
    await finding.click();
    await page.waitForFunction(
      (want) => (window as unknown as { __e2e: { selected: () => string } }).__e2e.selected() === want,
      `'${bad}'!E6`,
    );
    await harness('type', bad, 'E6', 9);
    await act('计算等级', '计算等级', /已计算 6 个案例，已评级 3 个/);
    // The pane lists every case's result under the grade distribution.
    const results = section('计算等级').getByRole('table', { name: '计算结果' });
    await results.waitFor();
    expect(await results.getByRole('row').count()).toBe(7);
    await section('计算等级')
      .getByRole('img', { name: /^等级分布：/ })
      .waitFor();
    await screenshot('graded');

    // 汇总 shows Excel's CEEAS results; 复核 recomputes them with ordinary formulas and agrees.
    for (let r = 4; r < 10; r++) {
      if ((await harness('formula', '汇总', `R${r}`)) === null) continue;
      expect(String(await harness('formula', '汇总', `R${r}`))).toMatch(/^CEEAS\.SCORE\(/);
      expect(await harness('value', '汇总', `R${r}`)).toBe(await harness('value', '复核', `M${r}`));
      expect(await harness('value', '复核', `Q${r}`)).toBe('一致');
    }

    // 公示: the clerk sets the start date in 轮次设置 and the National Day holidays (with the make-up working day)
    // in 节假日, then the notice is written; three objections are registered and reviewed, one decided, released.
    const start = (await harness<string>('find', '轮次设置', '公示开始日'))!.replace(/^A/, 'B');
    await harness('type', '轮次设置', start, '2026-09-28');
    const calendar = [
      ['2026-10-01', '2026-10-07', '放假', '国庆节、中秋节'],
      ['2026-10-10', '2026-10-10', '调休上班', '国庆节调休'],
    ];
    for (const [i, row] of calendar.entries())
      for (const [k, value] of row.entries()) await harness('type', '节假日', `${'ABCD'[k]}${i + 2}`, value);
    await tab('公示与异议');
    await act('生成公示与通知', '生成公示与通知', /公示期 2026-09-28 至 2026-10-12/);

    const header = Number((await harness<string>('find', '异议登记', '异议编号'))!.slice(1));
    const objections = [
      ['Y-01', '2026-10-09', '王五', '13800000000', '书面', 'C01', '认为得分偏低'],
      ['Y-02', '2026-10-09', '匿名', '', '书面', 'C02', '匿名来信'],
      ['Y-03', '2026-10-15', '赵六', '13900000000', '书面', 'C03', '逾期提出'],
    ];
    for (const [i, row] of objections.entries())
      for (const [k, value] of row.entries())
        await harness('type', '异议登记', `${'ABCDEFG'[k]}${header + 1 + i}`, value);
    await act('异议处理（准则 9.4.2、9.4.3）', '审查异议', /异议 3 条，填写受理意见 \d+ 格，未处理完 1 条/);
    expect(await harness('value', '异议登记', `H${header + 2}`)).toBe('不予受理');
    expect(await harness('value', '异议登记', `I${header + 2}`)).toMatch(/匿名/);
    expect(await harness('value', '异议登记', `I${header + 3}`)).toMatch(/超过公示期/);
    await act('发布结果（准则 9.4.4）', '发布结果', /暂不能发布：.*Y-01 尚未处理完毕/);
    // The secretariat's decision on Y-01 (9.4.3), then the release.
    for (const [col, value] of [
      ['J', '驳回'],
      ['K', '经复核，评分符合评分细则'],
      ['N', '2026-10-20'],
    ])
      await harness('type', '异议登记', `${col}${header + 1}`, value);
    await act('异议处理（准则 9.4.2、9.4.3）', '审查异议', /未处理完 0 条/);
    await act('发布结果（准则 9.4.4）', '发布结果', /已发布最终结果/);
    expect(await harness<string[]>('sheets')).toContain('结果发布');
    await screenshot('released');

    // 审计: read only, clean after the last computation.
    await tab('审计');
    await act('开始审计检查', '开始审计检查', /审计检查未发现问题/, false);
    await screenshot('audit');

    // 进度: where the evaluation stands, read only; every round complete and released.
    await tab('进度');
    await act('查看进度', '查看进度', /最终结果已发布/, false);
    const rounds = section('查看进度').getByRole('table', { name: '各轮进度' });
    expect(await rounds.getByRole('row').count()).toBe(4);
    await screenshot('progress');
  }, 600_000);

  it('splits a large panel’s requests below 5 MB when 计算等级 is pressed', async () => {
    page = await open();
    expect(await harness<number>('openLarge', 500)).toBeGreaterThan(10);
    await tab('计算与晋级');
    await act('计算等级', '计算等级', /已计算 500 个案例/);
    const { requests, responses } = await harness<{ requests: number[]; responses: number[] }>('payloads');
    // Every request and response stays under Excel on the web's limit; the write needed more than one batch.
    expect(Math.max(...requests, ...responses)).toBeLessThan(5_000_000);
    expect(requests.filter((b) => b > 500_000).length).toBeGreaterThanOrEqual(2);
    await screenshot('large-panel');
  }, 300_000);

  it('speaks English when Office does, and tells which cell to go to', async () => {
    page = await open('en-US');
    await page.getByRole('tab', { name: 'Grades and advancement' }).click();
    await section('Compute grades').getByRole('button', { name: 'Compute grades' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Continue' }).click();
    // No workbook set up: the refusal is one sentence, not a stack trace.
    await section('Compute grades')
      .getByText(/工作簿缺少|案例登记/)
      .first()
      .waitFor();
    await screenshot('english');
  });

  it('leaves the built add-in complete', () => {
    const functions = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
    expect(functions.functions.map((f: { name: string }) => f.name).sort()).toEqual(
      ['BAND', 'CHECK', 'GRADE', 'NOTICEEND', 'ROUNDMEAN', 'SCORE', 'TOTAL'].sort(),
    );
    expect(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8')).not.toContain('https://localhost');
    execFileSync(process.execPath, [path.join(ROOT, 'addin-build', 'check-dist.js'), '--dir', dist, '--production']);
  });
});
