import { main } from './main.ts';

/** The process entry of the `nianbao` command (bundled into dist/cli/nianbao.mjs). */
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
