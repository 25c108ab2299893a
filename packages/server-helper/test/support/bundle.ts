/**
 * Bundles the package from source the way an app's build would, for tests that run it where vitest's
 * module loader is not: other processes (node:http servers) and the edge runtime's VM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const source = (file: string) => path.join(packageDir, 'src', file);

export interface Bundle {
  dir: string;
  remove(): Promise<void>;
}

async function bundle(
  options: { entry: Record<string, string> | string; format: 'es' | 'iife'; name?: string; conditions?: string[] },
): Promise<Bundle> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clink-server-bundle-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: packageDir,
    resolve: {
      ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
      alias: [
        { find: /^@clink-checkout\/protocol(\/schema)?$/, replacement: `${path.join(packageDir, '../protocol/src')}$1/index.ts` },
      ],
    },
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: options.entry,
        formats: [options.format],
        ...(options.name === undefined ? {} : { name: options.name }),
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rolldownOptions: { external: [/^node:/, 'redis', 'ioredis'] },
    },
  });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** ES modules `index.js`, `node.js` and `redis.js`: the package's three entries, for Node processes. */
export function bundleForNode(): Promise<Bundle> {
  return bundle({
    entry: { index: source('index.ts'), node: source('node/index.ts'), redis: source('redis/index.ts') },
    format: 'es',
  });
}

/**
 * One classic script, `index.js`, that defines `globalThis[name]` with the main entry's exports,
 * resolved with an edge platform's export conditions.
 */
export function bundleForEdge(name: string): Promise<Bundle> {
  return bundle({
    entry: { index: source('index.ts') },
    format: 'iife',
    name,
    conditions: ['edge-light', 'worker', 'browser', 'import', 'default'],
  });
}
