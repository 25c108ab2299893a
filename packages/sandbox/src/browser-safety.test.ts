import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const srcDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Files reachable from the entry through static value imports. Type-only imports are erased by the
 * compiler, and dynamic imports are what keeps Node-only code out.
 */
function staticGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    seen.set(file, source);
    for (const match of source.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)'/gm)) {
      visit(path.join(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

describe('browser safety of the entry point', () => {
  const graph = staticGraph(path.join(srcDir, 'index.ts'));

  it('has no static node:* import anywhere in its module graph', () => {
    const offenders = [...graph].filter(([, source]) => /^(?:import|export)\s(?!type\s)[^;]*?from\s+'node:/m.test(source)).map(([file]) => file);
    expect(offenders).toEqual([]);
    expect(graph.size).toBeGreaterThan(10);
  });

  it('reaches the Node server only through a dynamic import', () => {
    expect([...graph.keys()].map((file) => path.basename(file))).not.toContain('node-server.ts');
  });

  it('bundles for the browser without node:http', async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(srcDir, 'index.ts'), formats: ['es'], fileName: 'sandbox' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result as Rollup.RollupOutput]).flatMap((r) => r.output);
    const code = outputs.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    expect(code).toContain('createSandbox');
    expect(code).not.toMatch(/from ["']node:/);
    expect(code).not.toContain('createServer');
  }, 60_000);
});
