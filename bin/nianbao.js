#!/usr/bin/env node
// The `nianbao` command: the bundle `npm run build` writes (see scripts/bundleCli.ts).
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

// V8 keeps the compiled bundle on disk (the system's temporary folder): later starts skip compiling it.
enableCompileCache();

const bundle = new URL('../dist/cli/nianbao.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write('nianbao：命令尚未构建。请在项目目录中先运行 npm run build。\n');
  process.exitCode = 70;
}
