#!/usr/bin/env -S node --max-semi-space-size=32 --min-semi-space-size=32
// The package's command: runs the TypeScript sources through tsx, so no build step is needed.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Garbage collection, measured on the bench's first 6,000 baomoi articles (--trace-gc-nvp, main
// thread and pool threads, pauses plus background work): heap growth 2x the live data, 16 MB
// semi-spaces: 8.3 s; 4x: 4.5-6.1 s; 4x with 32 MB semi-spaces (the shebang's flags here, and
// pool.ts for its threads): 3.2 s. The semi-spaces start at their full 32 MB rather than grow to
// it over the first ~2,000 articles, so RSS is flat from the start (whole bench: 637 MB after
// 1,000 articles, peak 689, where growing ones gave 489 and 636). The dedup index lives off the
// heap, so a 4x heap limit no longer means 4x the index. Process-wide: pool threads too.
// The shebang needs an `env` with -S (GNU coreutils, BSD, macOS); elsewhere (BusyBox) run `node
// --max-semi-space-size=32 --min-semi-space-size=32 bin/newsnlp.js`, as `npm start` does:
// without the flags it runs the same, with more collections on the main thread.
setFlagsFromString('--heap-growing-percent=300');

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv);
