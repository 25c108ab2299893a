import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY } from './constants.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import { paymentBody, seededCard, validPayment } from './test-support/api.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distBin = path.join(packageDir, 'dist', 'bin.js');
// A stale dist/ is compiled afresh into a private folder rather than rebuilt in place, so other
// suites importing the package from dist/ never see it half-written.
const freshBuildDir = path.join(packageDir, 'node_modules', '.cache', 'bin-test');
let binPath = distBin;

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(Date.now()), 'Content-Type': 'application/json', ...extra };
}

describe('listen()', () => {
  let sandbox: Sandbox | undefined;

  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('serves the API, pages and QR images over real HTTP on a random port', async () => {
    sandbox = createSandbox();
    const { url, port } = await sandbox.listen({ port: 0 });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);

    const created = await fetch(`${url}/api/payment`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify(paymentBody(sandbox, { paymentMethodType: 'CASHAPP' })),
    });
    expect(created.status).toBe(200);
    const { data } = await created.json();
    const wallet = data.action.walletHandleRedirectOrDisplayQrCode;
    expect(wallet.mobileAuthUrl).toMatch(new RegExp(`^${url}/_sandbox/pay/${data.orderId}\\?qr=`));

    const png = await fetch(wallet.imageUrlPng);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await png.arrayBuffer()).subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));

    // Approve on the phone page with a real form POST; the 303 is followed to the outcome page.
    const token = new URL(wallet.mobileAuthUrl).searchParams.get('qr')!;
    const approved = await fetch(`${url}/_sandbox/pay/${data.orderId}/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ qr: token }).toString(),
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('data-status="success"');

    const order = await fetch(`${url}/api/order/${data.orderId}`, { headers: headers() });
    expect((await order.json()).data.status).toBe('success');

    const refused = await fetch(`${url}/api/order/${data.orderId}`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/^Unauthorized/);
  });

  it('lets an HTTP client abort a hanging request, then closes cleanly', async () => {
    sandbox = createSandbox();
    const { url } = await sandbox.listen({ port: 0 });
    const controller = new AbortController();
    const pending = fetch(`${url}/api/order/ord_x`, { headers: headers({ 'X-Sandbox-Fault': 'hang' }), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const stillHanging = fetch(`${url}/api/order/ord_x`, { headers: headers({ 'X-Sandbox-Fault': 'hang' }) });
    const outcome = stillHanging.then(
      () => 'answered',
      () => 'connection closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();
    sandbox = undefined;
    expect(await outcome).toBe('connection closed');
    await expect(fetch(`${url}/_sandbox/health`)).rejects.toThrow();
  });

  it('delivers signed webhooks to a real HTTP endpoint and retries after a 500', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: string; answered: number }> = [];
    const merchant = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const answered = received.length === 0 ? 500 : 200;
        received.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const { port: merchantPort } = merchant.address() as AddressInfo;
    try {
      sandbox = createSandbox({
        webhookUrl: `http://127.0.0.1:${merchantPort}/webhooks`,
        webhookSecret: 'whsec_http_test',
        webhookRetry: { initialDelayMs: 200 },
      });
      const { url } = await sandbox.listen({ port: 0 });
      const created = await fetch(`${url}/api/payment`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(validPayment(seededCard('frictionless'))),
      });
      expect(created.status).toBe(200);
      await sandbox.webhooksIdle();

      expect(received.map((r) => [JSON.parse(r.body).type, r.answered])).toEqual([
        ['order.created', 500],
        ['order.succeeded', 200],
        ['order.created', 200],
      ]);
      for (const { headers: got, body } of received) {
        const timestamp = String(got['x-clink-timestamp']);
        const expected = createHmac('sha256', 'whsec_http_test').update(`${timestamp}.${body}`).digest('hex');
        expect(got['x-clink-signature']).toBe(expected);
        expect(got['x-clink-signtype']).toBe('SHA256');
      }
    } finally {
      await new Promise((resolve) => merchant.close(resolve));
    }
  });

  it('delivers the events of many payments over one kept-alive connection', async () => {
    let connections = 0;
    let events = 0;
    const merchant = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        events += 1;
        res.writeHead(200).end();
      });
    });
    merchant.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const { port: merchantPort } = merchant.address() as AddressInfo;
    try {
      sandbox = createSandbox({ webhookUrl: `http://127.0.0.1:${merchantPort}/webhooks` });
      const { url } = await sandbox.listen({ port: 0 });
      for (let i = 0; i < 5; i += 1) {
        const created = await fetch(`${url}/api/payment`, { method: 'POST', headers: headers(), body: JSON.stringify(validPayment(seededCard('frictionless'))) });
        expect(created.status).toBe(200);
      }
      await sandbox.webhooksIdle();
      expect(sandbox.webhookDeliveries().map((delivery) => delivery.state)).toEqual(Array(events).fill('delivered'));
      expect(events).toBe(10);
      expect(connections).toBe(1);
    } finally {
      await sandbox?.close();
      sandbox = undefined;
      await new Promise((resolve) => merchant.close(resolve));
    }
  });

  it('gives up an attempt the endpoint does not answer in time, over real HTTP', async () => {
    const merchant = createServer(() => {}); // reads nothing, answers nothing
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const { port: merchantPort } = merchant.address() as AddressInfo;
    try {
      sandbox = createSandbox({
        webhookUrl: `http://127.0.0.1:${merchantPort}/webhooks`,
        webhookRetry: { maxAttempts: 1, attemptTimeoutMs: 200 },
      });
      const { url } = await sandbox.listen({ port: 0 });
      await fetch(`${url}/api/payment`, { method: 'POST', headers: headers(), body: JSON.stringify(validPayment(seededCard('frictionless'))) });
      await sandbox.webhooksIdle();
      const [first] = sandbox.webhookDeliveries();
      expect(first).toMatchObject({ state: 'failed', attempts: [{ error: 'The webhook endpoint did not answer in time' }] });
    } finally {
      await sandbox?.close();
      sandbox = undefined;
      merchant.closeAllConnections();
      await new Promise((resolve) => merchant.close(resolve));
    }
  });

  it('refuses a body over 1 MB with a 413 envelope', async () => {
    sandbox = createSandbox();
    const { url } = await sandbox.listen({ port: 0 });
    const response = await fetch(`${url}/api/payment`, { method: 'POST', headers: headers(), body: 'x'.repeat(1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: 413, msg: 'request body is larger than 1048576 bytes' });
    expect(sandbox.listOrders()).toEqual([]);
  });

  it('refuses to listen twice', async () => {
    sandbox = createSandbox();
    await sandbox.listen({ port: 0 });
    await expect(sandbox.listen({ port: 0 })).rejects.toThrow('already listening');
  });
});

describe('the clink-sandbox bin', () => {
  let child: ChildProcessWithoutNullStreams | undefined;

  beforeAll(() => {
    if (existsSync(distBin) && statSync(distBin).mtimeMs >= newestSource()) return;
    execFileSync('npx', ['-y', 'pnpm@12.4.2', 'exec', 'tsc', '-p', 'tsconfig.build.json', '--outDir', freshBuildDir, '--declaration', 'false', '--declarationMap', 'false'], {
      cwd: packageDir,
      stdio: 'ignore',
    });
    binPath = path.join(freshBuildDir, 'bin.js');
  }, 120_000);

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it('prints its URL, serves the API and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [binPath, '--port', '0', '--seed', 'bin', '--qr-expires-in', '30'], { cwd: packageDir });
    const firstLine = await readLine(child);
    const match = /^Clink sandbox listening on (http:\/\/127\.0\.0\.1:\d+) \(API base (\S+), key sk_test_clink_sandbox\)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    const [, url, apiBase] = match!;
    expect(apiBase).toBe(`${url}/api`);

    const saved = await fetch(`${apiBase}/payment-instrument`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ customerEmail: 'ada@example.com', paymentInstrumentType: 'QRIS' }),
    });
    const instrument = (await saved.json()).data;
    expect(instrument).toMatchObject({ id: expect.stringMatching(/^pi_/), type: 'QRIS' });
    const created = await fetch(`${apiBase}/payment`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify(
        validPayment({ paymentMethodType: 'QRIS', customerId: undefined, customerEmail: 'ada@example.com', paymentInstrumentId: instrument.id }),
      ),
    });
    const { data } = await created.json();
    expect(data.action.walletHandleRedirectOrDisplayQrCode.expiresSecond).toBe(30);
    expect(data.action.walletHandleRedirectOrDisplayQrCode.imageUrlPng.startsWith(`${url}/_sandbox/qr/`)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('varies its answers with --variants, reproducibly with the printed seed', async () => {
    const actionsFor = async (args: string[]): Promise<{ seedLine: string; actions: unknown[] }> => {
      const bin = spawn(process.execPath, [binPath, '--port', '0', '--quiet', '--variants', ...args], { cwd: packageDir });
      child = bin;
      const lines = await readLines(bin, 2);
      const apiBase = /API base (\S+),/.exec(lines[0]!)![1]!;
      const actions: unknown[] = [];
      for (const method of ['WECHAT', 'GCASH', 'KAKAO', 'QRIS', 'TNG', 'CASHAPP']) {
        const saved = await fetch(`${apiBase}/payment-instrument`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({ customerEmail: 'ada@example.com', paymentInstrumentType: method }),
        });
        const instrumentId = (await saved.json()).data.id;
        const created = await fetch(`${apiBase}/payment`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(
            validPayment({ paymentMethodType: method, customerId: undefined, customerEmail: 'ada@example.com', paymentInstrumentId: instrumentId, platformType: 'WAP', deviceType: 'Android' }),
          ),
        });
        actions.push(shapeOf((await created.json()).data.action));
      }
      bin.kill('SIGTERM');
      await new Promise((resolve) => bin.once('exit', resolve));
      return { seedLine: lines[1]!, actions };
    };
    const chosen = await actionsFor(['--seed', 'cli-variants']);
    expect(chosen.seedLine).toBe('Varied answers, seed cli-variants (the same answers again: --variants --seed cli-variants)');
    expect(await actionsFor(['--seed', 'cli-variants'])).toEqual(chosen);
    expect((await actionsFor(['--seed', 'cli-other'])).actions).not.toEqual(chosen.actions);
    const random = await actionsFor([]);
    const printed = /seed (\S+) \(/.exec(random.seedLine)![1]!;
    expect(printed).toMatch(/^[0-9a-f]{8}$/);
    expect((await actionsFor(['--seed', printed])).actions).toEqual(random.actions);
  }, 60_000);

  it('stops on SIGINT too', async () => {
    child = spawn(process.execPath, [binPath, '--port', '0', '--quiet'], { cwd: packageDir });
    await readLine(child);
    const exited = new Promise<string>((resolve) => child!.once('exit', (code, signal) => resolve(`${code} ${signal}`)));
    child.kill('SIGINT');
    expect(await exited).toBe('0 null');
  });

  it('explains a bad option and exits with status 2', async () => {
    child = spawn(process.execPath, [binPath, '--port', 'eighty'], { cwd: packageDir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child!.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number');
    expect(stderr).toContain('Usage: clink-sandbox');
  });
});

/**
 * What varies between shapes, without what differs between processes (ports, clocks): the fields present,
 * how each QR image is written, and the scheme of every link.
 */
function shapeOf(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('data:')) return 'data: URL';
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    return scheme ? `${scheme}: link` : /^[A-Za-z0-9+/]{40,}={0,2}$/.test(value) ? 'bare Base64' : value;
  }
  if (typeof value === 'number') return 'number';
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
}

/** The first `count` lines the bin prints. */
function readLines(child: ChildProcessWithoutNullStreams, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`too little output from the bin; got ${JSON.stringify(buffer)}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      if (lines.length > count) {
        clearTimeout(timer);
        resolve(lines.slice(0, count));
      }
    });
    child.once('exit', (code) => reject(new Error(`the bin exited with ${code} after ${JSON.stringify(buffer)}`)));
  });
}

async function readLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return (await readLines(child, 1))[0]!;
}

function newestSource(): number {
  const dir = path.join(packageDir, 'src');
  return Math.max(...readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => statSync(path.join(dir, name)).mtimeMs));
}
