// A merchant who imports one narrow piece gets that piece: bundled the way an app build does it (from the built
// dist/), a redirect-only import carries none of the QR or app link views, and the headless hook none of the
// components. One unmarked top-level call (a `memo()` or `forwardRef()` without `/* @__PURE__ */`) is enough to
// pull every view into every bundle, and no other test would notice.
//
// Run after the build:  node test/tree-shaking/check.mjs      (exits 1 when a narrow import carries more)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLikeAnApp, HOST, QR } from '../../../../scripts/app-bundle.mjs';

const scratch = path.join(path.dirname(fileURLToPath(import.meta.url)), '.entries');

const cases = [
  {
    name: 'redirect-only (RedirectAction + classifyAction)',
    source: "export { RedirectAction } from '@clink-checkout/react/parts';\nexport { classifyAction } from '@clink-checkout/react/core';",
    mustHave: ['clink-redirect'],
    mustNotHave: ['clink-qr', 'clink-app', 'clink-renderer', 'clink-pay-button', 'clink-countdown'],
  },
  {
    name: 'headless (useClinkPayment)',
    source: "export { useClinkPayment } from '@clink-checkout/react';",
    mustHave: ['Idempotency-Key'],
    mustNotHave: ['clink-qr', 'clink-app', 'clink-renderer', 'clink-pay-button', 'clink-redirect'],
  },
];

let failures = 0;
try {
  for (const { name, source, mustHave, mustNotHave } of cases) {
    const files = await bundleLikeAnApp({ scratch, name, source, external: [...HOST, QR] });
    const code = files.filter((file) => file.type === 'chunk').map((chunk) => chunk.code).join('\n');
    const missing = mustHave.filter((text) => !code.includes(text));
    const carried = mustNotHave.filter((text) => code.includes(text));
    const ok = missing.length === 0 && carried.length === 0;
    if (!ok) failures += 1;
    console.log(`${ok ? '✓' : '✗'} ${name}: ${(code.length / 1024).toFixed(2)} KB minified`);
    if (missing.length > 0) console.log(`    missing what it imports: ${missing.join(', ')}`);
    if (carried.length > 0) console.log(`    carries what it does not import: ${carried.join(', ')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failures > 0 ? 1 : 0);
