// The public surface of every entry point, as API reports (api/*.api.md) made by API Extractor from the built
// declarations. `npm test` runs this without `--update` and fails when a report differs from the committed one,
// so any change to what merchants can import shows up as a diff; `--update` (npm run api:update) rewrites them.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');

/** Entry point (as in package.json `exports`) → its declaration file. */
const ENTRIES = [
  ['@clink-checkout/react', 'dist/index.d.ts', 'react'],
  ['@clink-checkout/react/parts', 'dist/parts.d.ts', 'react-parts'],
  ['@clink-checkout/react/core', 'dist/core/index.d.ts', 'react-core'],
  ['@clink-checkout/react/locales', 'dist/locales.d.ts', 'react-locales'],
];

mkdirSync(path.join(root, 'api'), { recursive: true });
let changed = 0;
for (const [entry, declarations, name] of ENTRIES) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, declarations),
      compiler: { tsconfigFilePath: path.join(root, 'tsconfig.build.json') },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: path.join(root, 'api'),
        reportTempFolder: path.join(root, 'node_modules/.api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The report lists the surface; missing release tags and the like are not this check's business.
        extractorMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
    configObjectFullPath: path.join(root, 'api-extractor.json'),
    packageJsonFullPath: path.join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (message) => {
    if (message.logLevel === 'warning' || message.logLevel === 'error') message.handled = false;
    else message.handled = true;
  } });
  if (result.apiReportChanged) {
    changed += 1;
    console.log(`${update ? 'updated' : 'CHANGED'}: api/${name}.api.md (${entry})`);
  } else console.log(`unchanged: api/${name}.api.md (${entry})`);
}
if (changed > 0 && !update) {
  console.error('\nThe public API differs from the committed reports. If the change is intended, run `npm run api:update` and commit api/.');
  process.exit(1);
}
