/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the Excel add-in into dist-addin/ (the CLI owns dist/).
//
//   npm run build        production build; manifest.xml URLs rewritten to ADDIN_URL
//   npm run build:dev    development build; manifest.xml keeps https://localhost:3000/
//   npm run dev-server   https dev server on port 3000 with office-addin-dev-certs certificates
//
// ADDIN_URL is where dist-addin/ is deployed, an https URL such as https://addins.example.cn/ceeas/ (default
// https://www.contoso.com/ceeas/, a placeholder). Every https://localhost:3000/… in manifest.xml becomes
// ADDIN_URL…, and the bare origin in <AppDomain> becomes ADDIN_URL's origin.
//
// One page, taskpane.html, is the shared runtime: it loads office.js from the CDN and the three entries (task pane,
// custom functions, ribbon commands). The entries do not share a webpack runtime, so functions.js stays a complete
// script at the URL the manifest names; what they share at run time goes through globalThis (src/addin/shared).
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { NormalModuleReplacementPlugin } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { productionUrl, rewriteManifest } = require('./addin-build/manifest-url');

const OUT = path.resolve(__dirname, 'dist-addin');
const FUNCTIONS = './src/addin/functions/functions.ts';

/** Libraries the task pane needs before its first render, kept in one cacheable chunk of their own. */
const VENDOR = /[\\/]node_modules[\\/]/;

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  // Resolve (and validate) the deployment URL up front: a bad ADDIN_URL stops the build before any work.
  const baseUrl = production ? productionUrl(process.env.ADDIN_URL) : null;

  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      taskpane: './src/addin/taskpane/index.tsx',
      functions: FUNCTIONS,
      commands: './src/addin/commands/commands.ts',
    },
    output: {
      path: OUT,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The .xlsx package layer is the same in the task pane as in the CLI and imports nothing of Node's; should a
      // Node module ever be pulled in by mistake, it is empty in the browser rather than a build failure.
      fallback: { zlib: false, crypto: false, path: false, fs: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked once by `npm run typecheck`; the bundle only needs the transpiled code.
            options: { configFile: 'tsconfig.addin.json', transpileOnly: true },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          vendor: {
            test: VENDOR,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    // Sizes are budgeted gzipped by addin-build/check-dist.js (npm run build:check), which webpack cannot measure.
    performance: { hints: false },
    plugins: [
      new NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      // Writes functions.json from the JSDoc and appends the CustomFunctions.associate calls. Its metadata errors
      // are compilation errors, so `webpack` exits non-zero on them.
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions', 'commands'],
        // Entry scripts keep fixed names (the manifest names functions.js); the query string busts Office's cache.
        hash: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (baseUrl ? rewriteManifest(content.toString(), baseUrl) : content),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: OUT },
          headers: { 'Access-Control-Allow-Origin': '*' },
          port: Number(process.env.npm_package_config_dev_server_port) || 3000,
          server: { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
        }
      : undefined,
  };
};
