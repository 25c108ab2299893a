// Every entry of every published package, loaded with require() from CommonJS: the exports maps are
// read, so an entry added later is covered without touching this file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const PACKAGES = ['@clink-checkout/protocol', '@clink-checkout/server', '@clink-checkout/sandbox', '@clink-checkout/react'];

function entriesOf(name: string): string[] {
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((subpath) => !/\.(json|css)$/.test(subpath)) // data and stylesheets are not modules
    .map((subpath) => path.posix.join(name, subpath));
}

for (const name of PACKAGES) {
  test(`require() loads every entry of ${name}`, () => {
    const entries = entriesOf(name);
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      const loaded = require(entry) as Record<string, unknown>;
      assert.ok(Object.keys(loaded).length > 0, `${entry} exports something`);
    }
  });
}
