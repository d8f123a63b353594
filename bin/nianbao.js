#!/usr/bin/env node
// The `nianbao` command. Node 22.18+ runs the TypeScript sources directly (type stripping).
import { main } from '../services/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
