import fs from 'fs';
import os from 'os';
import path from 'path';
import webpack from 'webpack';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const ROOT = path.resolve(__dirname, '../..');

function compile(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error('no stats')) : resolve(stats))),
  );
}

// webpack.config.js relies on CustomFunctionsMetadataPlugin turning a metadata problem into a compilation error
// (so `webpack` exits non-zero and no functions.json is written). Checked here on a one-function bundle.
describe('custom functions metadata in the build', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceeas-cf-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const build = (source: string) => {
    const file = path.join(dir, 'functions.ts');
    fs.writeFileSync(file, source);
    return compile({
      mode: 'development',
      devtool: false,
      context: dir,
      entry: file,
      output: { path: path.join(dir, 'out') },
      resolve: { extensions: ['.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            loader: require.resolve('ts-loader'),
            options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.addin.json') },
          },
        ],
      },
      plugins: [new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: file })],
    });
  };

  it('fails the compilation on a type custom functions cannot take, and writes no functions.json', async () => {
    // The generator also prints its errors; keep them out of the test output.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stats = await build(`
/**
 * 不支持的参数类型。
 * @customfunction BAD
 * @param when 日期
 */
export function bad(when: Date): number {
  return when.getTime();
}
`);
    printed.mockRestore();
    expect(stats.hasErrors()).toBe(true);
    expect(
      stats
        .toJson({ errors: true })
        .errors!.map((e) => e.message)
        .join('\n'),
    ).toContain('Date');
    expect(fs.existsSync(path.join(dir, 'out', 'functions.json'))).toBe(false);
  });

  it('writes functions.json and the associate call for good metadata', async () => {
    const stats = await build(`
/**
 * 加一。
 * @customfunction PLUSONE
 * @param x 数
 */
export function plusOne(x: number): number {
  return x + 1;
}
`);
    expect(stats.hasErrors()).toBe(false);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'functions.json'), 'utf8'));
    expect(meta.functions.map((f: { id: string }) => f.id)).toEqual(['PLUSONE']);
    expect(fs.readFileSync(path.join(dir, 'out', 'main.js'), 'utf8')).toContain('CustomFunctions.associate("PLUSONE"');
  });
});
