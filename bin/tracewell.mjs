#!/usr/bin/env node
// `npx tracewell …` from a clone: runs the TypeScript CLI (src/node/cli/main.ts) through tsx's
// loader, so there is no build step. Exit status and output come from main().
import { register } from 'tsx/esm/api';

register();
const { main, processIo } = await import('../src/node/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), processIo());
