import { describe, expect, it, vi } from 'vitest';
import { conformingRequests } from './conforming-requests.js';

const requests = conformingRequests();
const answer = async () => new Response('{}');
const post = (fetchImpl: typeof fetch, path: string, body: unknown) =>
  fetchImpl(`https://uat-api.clinkbill.com/api${path}`, { method: 'POST', body: JSON.stringify(body) });

describe('conformingRequests (test support)', () => {
  it('reports unknown fields and broken rules of create requests, and lets other requests pass', async () => {
    const checked = requests.wrap(answer);

    await post(checked, '/payment', { paymentMethodType: 'ALIPAY', returnURL: 'https://a.example' });
    await post(checked, '/payment-instrument', { customerId: 'cus_1', paymentInstrumentType: 'GCASH' });
    await post(checked, '/payment/ord_1/qrcode/refresh', { anything: true });

    const issues = requests.takeIssues();
    expect(issues.map((issue) => `${issue.request} ${issue.path}`)).toEqual([
      'POST /payment paymentInstrumentId',
      'POST /payment returnUrl',
      'POST /payment returnURL',
      'POST /payment customerId',
      'POST /payment amount',
      'POST /payment currency',
    ]);
    expect(requests.checked).toBe(2);
  });

  it('checks a request where it arrives, for a client that sends without fetch', async () => {
    requests.inspect(
      new Request('https://uat-api.clinkbill.com/api/payment', { method: 'POST', body: JSON.stringify({ paymentMethodType: 'ALIPAY' }) }),
    );

    await vi.waitFor(() => expect(requests.takeIssues().map((issue) => issue.path)).toContain('paymentInstrumentId'));
  });

  it('lets a test name the unknown fields it sends on purpose', async () => {
    const checked = requests.wrap(answer, { allowFields: ['walletAccountTag'] });

    await post(checked, '/payment-instrument', { customerId: 'cus_1', paymentInstrumentType: 'GCASH', walletAccountTag: 't' });

    expect(requests.takeIssues()).toEqual([]);
  });
});
