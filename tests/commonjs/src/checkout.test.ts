// A merchant's CommonJS server, written in TypeScript with `module: nodenext`: named imports compile
// to require(), and the checkout works end to end on node:http against the sandbox.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { PAYMENT_METHODS } from '@clink-checkout/protocol';
import { createCheckoutHandler, createClinkClient, isClinkError, type CheckoutPaymentResponse } from '@clink-checkout/server';
import { toNodeHandler } from '@clink-checkout/server/node';
import { createRedisStores } from '@clink-checkout/server/redis';
import { createSandbox, SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import { ClinkPayButton } from '@clink-checkout/react';
import { classifyAction } from '@clink-checkout/react/core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

test('this file is CommonJS: require and module exist', () => {
  assert.equal(typeof require, 'function');
  assert.equal(typeof module, 'object');
});

test('the React entries load from CommonJS, and the pay button renders on the server', () => {
  const html = renderToString(createElement(ClinkPayButton, { endpoint: '/api/checkout', paymentMethodType: 'WECHAT' }));
  assert.match(html, /<button[^>]*>Pay with WeChat Pay<\/button>/);
  assert.equal(typeof classifyAction, 'function');
  assert.equal(PAYMENT_METHODS.WECHAT.displayName.length > 0, true);
});

test('a checkout handler created from CommonJS takes a payment over node:http', async () => {
  const sandbox = createSandbox({ seed: 'commonjs' });
  const { url } = await sandbox.listen({ port: 0 });
  const handler = createCheckoutHandler({
    client: createClinkClient({ apiKey: SANDBOX_API_KEY, environment: 'sandbox', baseUrl: `${url}/api` }),
    tokenSecret: 'commonjs-consumer-token-secret-0123456789',
    resolvePayment: () => ({
      customerEmail: 'customer@example.com',
      returnUrl: 'https://shop.example/checkout/return',
      amount: 9.99,
      currency: 'USD',
    }),
  });
  const server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  });

  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/checkout/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paymentMethodType: 'WECHAT' }),
  });
  const payment = (await response.json()) as CheckoutPaymentResponse;

  assert.equal(response.status, 201);
  assert.equal(payment.amount, 9.99);
  assert.equal(sandbox.getOrder(payment.orderId)?.status, 'requires_action');
  assert.equal(isClinkError(new Error('x')), false);
  assert.equal(typeof createRedisStores, 'function');
});
