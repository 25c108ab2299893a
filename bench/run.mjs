// `npm run bench`: builds the packages, then runs every benchmark in this folder one after another.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm, run } from '../scripts/lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (pnpm(['-r', '--workspace-concurrency=1', 'run', 'build']) !== 0) process.exit(1);

let failures = 0;
for (const file of readdirSync(here).filter((name) => name.endsWith('.bench.mjs')).sort()) {
  console.log(`\n=== ${file} ===`);
  if (run(process.execPath, [path.join(here, file)]) !== 0) failures += 1;
}
process.exit(failures === 0 ? 0 : 1);
