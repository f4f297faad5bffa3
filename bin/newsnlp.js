#!/usr/bin/env -S node --max-semi-space-size=32
// The package's command: runs the TypeScript sources through tsx, so no build step is needed.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Garbage collection, measured on the bench's first 6,000 baomoi articles (--trace-gc-nvp, main
// thread and pool threads, pauses plus background work): heap growth 2x the live data, 16 MB
// semi-spaces: 8.3 s; 4x: 4.5-6.1 s; 4x with 32 MB semi-spaces (the shebang's flag here, and the
// pool's resourceLimits): 3.2 s, for ~100 MB more RSS (peak 615 MB, flat from the 1,000th
// article). The dedup index lives off the heap, so a 4x heap limit no longer means 4x the index.
// Process-wide: pool threads too. The shebang needs an `env` with -S (GNU coreutils, BSD, macOS);
// elsewhere (BusyBox) run `node --max-semi-space-size=32 bin/newsnlp.js`, as `npm start` does:
// without the flag it runs the same, with more collections on the main thread.
setFlagsFromString('--heap-growing-percent=300');

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv);
