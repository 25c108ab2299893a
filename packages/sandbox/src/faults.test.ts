import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_HEADER, parseFault } from './faults.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import { apiRequest, authHeaders, createPayment, paymentBody, recordingTimers, readJson } from './test-support/api.js';

let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

function faulted(fault: string, path = '/order/ord_x', init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Request {
  return apiRequest(path, { ...init, headers: authHeaders(Date.now(), { [FAULT_HEADER]: fault }) });
}

describe('parseFault', () => {
  it.each([
    ['latency:250', { kind: 'latency', ms: 250 }],
    ['http-500', { kind: 'http-500' }],
    ['malformed-json', { kind: 'malformed-json' }],
    ['hang', { kind: 'hang' }],
    ['unauthorized', { kind: 'unauthorized' }],
    [' HTTP-500 ', { kind: 'http-500' }],
  ])('reads %j', (text, parsed) => {
    expect(parseFault(text)).toEqual(parsed);
  });

  it.each(['latency', 'latency:-1', 'latency:fast', 'http-502', ''])('refuses %j', (text) => {
    expect(parseFault(text)).toBeUndefined();
  });
});

describe('faults by request header', () => {
  it('http-500 answers with an error envelope and creates nothing', async () => {
    sandbox = createSandbox();
    const response = await sandbox.fetch(faulted('http-500', '/payment', { method: 'POST', body: paymentBody(sandbox) }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 500, msg: 'Internal Server Error (injected by the sandbox)' });
    expect(sandbox.listOrders()).toEqual([]);
  });

  it('malformed-json answers 200 with JSON that does not parse', async () => {
    sandbox = createSandbox();
    const response = await sandbox.fetch(faulted('malformed-json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('unauthorized answers like a bad key: 401 with plain text', async () => {
    sandbox = createSandbox();
    const response = await sandbox.fetch(faulted('unauthorized'));
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('Unauthorized: injected by the sandbox');
  });

  it('latency delays the real answer by the given milliseconds', async () => {
    const timers = recordingTimers(10_000);
    sandbox = createSandbox({ timers });
    const response = await sandbox.fetch(faulted('latency:1500', '/payment', { method: 'POST', body: paymentBody(sandbox) }));
    expect(timers.requested[0]).toBe(1_500);
    expect(response.status).toBe(200);
    expect((await response.json()).data.orderId).toMatch(/^ord_/);
  });

  it('latency is cut short when the client aborts', async () => {
    sandbox = createSandbox();
    const controller = new AbortController();
    const pending = sandbox.fetch(faulted('latency:60000', '/order/ord_x', { signal: controller.signal }));
    controller.abort(new DOMException('client gave up', 'AbortError'));
    await expect(pending).rejects.toThrow('client gave up');
  });

  it('hang never answers until the client aborts', async () => {
    sandbox = createSandbox();
    const controller = new AbortController();
    let settled = false;
    const pending = sandbox.fetch(faulted('hang', '/payment', { method: 'POST', body: paymentBody(sandbox), signal: controller.signal }));
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sandbox.listOrders()).toEqual([]);
  });

  it('hang is released when the sandbox closes', async () => {
    sandbox = createSandbox();
    const pending = sandbox.fetch(faulted('hang'));
    await sandbox.close();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an unknown fault name is a 400 envelope listing the valid ones', async () => {
    sandbox = createSandbox();
    const { status, body } = await readJson(await sandbox.fetch(faulted('explode')));
    expect(status).toBe(400);
    expect(body.msg).toBe('X-Sandbox-Fault must be one of latency:<ms>, http-500, malformed-json, hang, unauthorized');
  });

  it('does not touch the sandbox pages', async () => {
    sandbox = createSandbox();
    const response = await sandbox.fetch(new Request('http://sandbox.test/', { headers: { [FAULT_HEADER]: 'http-500' } }));
    expect(response.status).toBe(200);
  });
});

describe('faults by option', () => {
  it('applies a fixed fault to every API request', async () => {
    sandbox = createSandbox({ fault: 'http-500' });
    expect((await createPayment(sandbox, Date.now())).status).toBe(500);
    expect((await sandbox.fetch(apiRequest('/order/ord_x'))).status).toBe(500);
  });

  it('lets a function fault only some requests, and the header wins over the option', async () => {
    let calls = 0;
    sandbox = createSandbox({ fault: () => (++calls === 1 ? 'unauthorized' : undefined) });
    const create = (): Promise<Response> => sandbox.fetch(apiRequest('/payment', { method: 'POST', body: paymentBody(sandbox) }));
    expect((await create()).status).toBe(401);
    expect((await create()).status).toBe(200);
    expect((await sandbox.fetch(faulted('malformed-json'))).status).toBe(200);
    expect(calls).toBe(2);
  });
});
