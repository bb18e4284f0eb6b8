#!/usr/bin/env node
// `npx tracewell …` from a clone: runs the TypeScript CLI (src/node/cli/main.ts) through tsx's
// loader, so there is no build step. Exit status and output come from main().
import { register } from 'tsx/esm/api';

register();
const { main, processIo } = await import('../src/node/cli/main.ts');
const { removePendingTemps } = await import('../src/node/cli/files.ts');
// interrupted: no half-written file is left behind (128 + signal number, as shells report it)
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    removePendingTemps();
    process.stderr.write(`\ntracewell: interrupted (${signal}); no partial file was left\n`);
    process.exit(code);
  });
}
process.exitCode = await main(process.argv.slice(2), processIo());
