// The load of the handler benchmark, in its own process: autocannon POSTs creates with a fresh
// Idempotency-Key each, for a fixed time (or a fixed number of requests) at a fixed number of
// connections, and reports its result.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const { url, connections, durationSeconds, requests } = JSON.parse(process.env.BENCH_LOAD);
const result = await autocannon({
  url,
  connections,
  ...(requests === undefined ? { duration: durationSeconds } : { amount: requests }),
  pipelining: 1,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paymentMethodType: 'ALIPAY', platformType: 'WEB', payload: { cartId: 'cart_1' } }),
      setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
    },
  ],
});
process.send?.({
  requests: result.requests.total,
  durationSeconds: result.duration,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  p50: result.latency.p50,
  p99: result.latency.p99,
});
