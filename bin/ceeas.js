#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch {
  process.stderr.write('ceeas 尚未编译：请在项目目录运行 npm ci（或 npm run build:cli）。\n');
  process.exit(2);
}
cli.main();
