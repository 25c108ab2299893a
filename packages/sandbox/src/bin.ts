#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_QR_EXPIRES_IN_SECONDS, SANDBOX_API_KEY } from './constants.js';
import { randomSeed } from './ids.js';
import { createSandbox } from './sandbox.js';

const USAGE = `Usage: clink-sandbox [options]

A local look-alike of Clink's payment API.

Options:
  --port <n>                 port to listen on (0 = any free port; default ${DEFAULT_PORT})
  --host <host>              interface to bind (default ${DEFAULT_HOST})
  --public-url <url>         origin used in links to the sandbox's pages (default: the listen URL)
  --webhook-url <url>        where to POST signed webhooks (default: none)
  --webhook-secret <secret>  webhook signing secret (default whsec_clink_sandbox)
  --qr-expires-in <seconds>  QR code lifetime (default ${DEFAULT_QR_EXPIRES_IN_SECONDS})
  --seed <seed>              deterministic ids (and, with --variants, deterministic varied answers)
  --variants                 vary the shape of answers across what Clink's contract allows
                             (seeded: the seed is printed so a run can be reproduced)
  --api-key <key>            accepted X-API-KEY (repeatable; default ${SANDBOX_API_KEY})
  --quiet                    do not log requests and webhook attempts
  -h, --help                 show this help
`;

function fail(message: string): never {
  process.stderr.write(`clink-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parsePositiveInteger(name: string, text: string | undefined, allowZero: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) fail(`--${name} must be a whole number${allowZero ? '' : ' above 0'}`);
  return value;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'qr-expires-in': { type: 'string' },
        seed: { type: 'string' },
        variants: { type: 'boolean' },
        'api-key': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = parsePositiveInteger('port', values.port, true) ?? DEFAULT_PORT;
  const qrExpiresInSeconds = parsePositiveInteger('qr-expires-in', values['qr-expires-in'], false);
  const apiKeys = values['api-key'];
  for (const name of ['webhook-url', 'public-url'] as const) {
    const value = values[name];
    if (value !== undefined && !/^https?:\/\/[^/]/.test(value)) fail(`--${name} must be an http(s) URL`);
  }

  // One seed for ids and varied answers, so printing it is enough to reproduce a whole run.
  const seed = values.seed ?? (values.variants ? randomSeed() : undefined);
  const sandbox = createSandbox({
    ...(apiKeys ? { apiKeys } : {}),
    ...(values['webhook-url'] ? { webhookUrl: values['webhook-url'] } : {}),
    ...(values['webhook-secret'] ? { webhookSecret: values['webhook-secret'] } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(qrExpiresInSeconds !== undefined ? { qrExpiresInSeconds } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.variants ? { variants: { seed: seed! } } : {}),
    ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, stopping the Clink sandbox\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`clink-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  // Installed before the URL is printed: whoever reads that line may signal us at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const { url } = await sandbox.listen({ port, host: values.host ?? DEFAULT_HOST });
  const keyNote = apiKeys ? `${apiKeys.length} custom key(s)` : `key ${SANDBOX_API_KEY}`;
  process.stdout.write(`Clink sandbox listening on ${url} (API base ${url}/api, ${keyNote})\n`);
  if (sandbox.variantSeed !== undefined) {
    process.stdout.write(`Varied answers, seed ${sandbox.variantSeed} (the same answers again: --variants --seed ${sandbox.variantSeed})\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`clink-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
