#!/usr/bin/env node
// The package's command: runs the TypeScript sources through tsx, so no build step is needed.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// A long run allocates fast and keeps little: let V8's heap grow to 2x what survives a
// collection, not the default of up to 4x, so RSS follows the live data. Not less: with the dedup
// index off the heap (dedup 1.5) the main thread's live heap is ~30 MB, and at 1.3x it ran a full
// collection every ~60 articles (3,000 baomoi articles, --trace-gc-nvp: 47 full collections marking
// 1,662 MB at 1.3x, 18 marking 676 MB at 2x; peak RSS of the bench 565 -> 622 MB, as flat).
// Process-wide: worker threads too.
setFlagsFromString('--heap-growing-percent=100');

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv);
