import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox.js';
import { createPayment, formsOf, getPage, manualClock, ORIGIN, postForm, seededCard } from './test-support/api.js';
import { decodePng, decodeSvg } from './test-support/qr-decode.js';

const clock = manualClock();
let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

function start(): Sandbox {
  sandbox = createSandbox({ now: clock.now, seed: 'pages' });
  return sandbox;
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

describe('QR codes', () => {
  it('encode the phone page URL in the data URL and in the served PNG', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'PROMPTPAY' });
    const wallet = body.data.action.walletHandleRedirectOrDisplayQrCode;
    const fromDataUrl = decodePng(Buffer.from(wallet.imageDataUrl.split(',')[1], 'base64'));
    expect(fromDataUrl).toMatch(new RegExp(`^${ORIGIN}/_sandbox/pay/${body.data.orderId}\\?qr=qr_`));

    const served = await getPage(sandbox, wallet.imageUrlPng);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/png');
    expect(decodePng(new Uint8Array(await served.arrayBuffer()))).toBe(fromDataUrl);

    const phone = await getPage(sandbox, fromDataUrl!);
    expect(phone.status).toBe(200);
    expect(await phone.text()).toContain('Confirm payment');
  });

  it('serve an SVG with a title for assistive technology', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'QRIS' });
    const svg = await getPage(sandbox, body.data.action.walletHandleRedirectOrDisplayQrCode.imageUrlSvg);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(`<title>QR code for order ${body.data.orderId}</title>`);
    expect(text).toMatch(/<path fill="#000" d="(M\d+ \d+h1v1h-1z)+"/);
    expect(decodeSvg(text)).toMatch(new RegExp(`^${ORIGIN}/_sandbox/pay/${body.data.orderId}\\?qr=qr_`));
  });

  it('are not served for a CARD order', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD' });
    expect((await getPage(sandbox, `/_sandbox/qr/${body.data.orderId}.png`)).status).toBe(404);
  });
});

describe("the customer's phone page", () => {
  it('approves the payment and then shows the outcome', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'WECHAT' });
    const orderId = body.data.orderId as string;
    const page = await getPage(sandbox, body.data.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('role="status"');
    const [approve, decline] = formsOf(html);
    expect(approve?.button).toBe('Approve');
    expect(decline?.button).toBe('Decline');

    const response = await postForm(sandbox, approve!.action, approve!.fields);
    expect(response.status).toBe(303);
    const location = response.headers.get('Location')!;
    expect(location).toBe(`/_sandbox/pay/${orderId}?qr=${approve!.fields.qr}`);
    expect(sandbox.getOrder(orderId)?.status).toBe('success');

    const outcome = await (await getPage(sandbox, location)).text();
    expect(outcome).toContain('data-status="success"');
    expect(outcome).toContain('Payment approved');
    expect(outcome).toContain(`href="https://shop.example/return?orderId=${orderId}"`);
    expect(formsOf(outcome)).toEqual([]);
  });

  it('declines the payment', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'GCASH', platformType: 'WAP', deviceType: 'Android' });
    const orderId = body.data.orderId as string;
    const page = await getPage(sandbox, body.data.action.walletHandleRedirectOrDisplayQrCode.fallbackUrl);
    const decline = formsOf(await page.text()).find((form) => form.button === 'Decline')!;
    await postForm(sandbox, decline.action, decline.fields);
    expect(sandbox.getOrder(orderId)).toMatchObject({
      status: 'failed',
      paymentExecutionDetails: [{ channelCode: 'GCASH', originalFailureCode: 'DECLINED' }],
    });
    const outcome = await (await getPage(sandbox, `/_sandbox/pay/${orderId}`)).text();
    expect(outcome).toContain('data-status="failed"');
  });

  it('is where the ALIPAY redirect leads on a phone', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'ALIPAY', platformType: 'WAP' });
    const page = await getPage(sandbox, body.data.action.redirectUrl);
    expect(formsOf(await page.text()).map((form) => form.button)).toEqual(['Approve', 'Decline']);
  });

  it('answers 404 for an unknown order', async () => {
    start();
    expect((await getPage(sandbox, '/_sandbox/pay/ord_missing')).status).toBe(404);
  });
});

describe('the 3-D Secure page', () => {
  it('approves and sends the browser to returnUrl with the orderId', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD' });
    const orderId = body.data.orderId as string;
    const page = await getPage(sandbox, body.data.action.redirectUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>3-D Secure check</h1>');
    const approve = formsOf(html).find((form) => form.button === 'Approve')!;
    const response = await postForm(sandbox, approve.action);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`https://shop.example/return?orderId=${orderId}`);
    expect(sandbox.getOrder(orderId)?.status).toBe('success');
  });

  it('declines and still returns to the merchant', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD', returnUrl: 'http://localhost:3000/done?x=1' });
    const orderId = body.data.orderId as string;
    const response = await postForm(sandbox, `/_sandbox/3ds/${orderId}/decline`);
    expect(response.headers.get('Location')).toBe(`http://localhost:3000/done?x=1&orderId=${orderId}`);
    expect(sandbox.getOrder(orderId)?.status).toBe('failed');
  });

  it('returns to an app returnUrl only through the page: a non-web address is never linked or redirected to', async () => {
    start();
    for (const returnUrl of ['shopapp://checkout/done', 'javascript:alert(1)']) {
      const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD', returnUrl });
      const orderId = body.data.orderId as string;
      const response = await postForm(sandbox, `/_sandbox/3ds/${orderId}/approve`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Location')).toBeNull();
      const html = await response.text();
      expect(html).toContain('data-status="success"');
      expect(html).toContain("Return to the merchant's app to continue.");
      expect(html).not.toContain(returnUrl.split(':')[0] + ':');
    }
  });

  it('accepts the POST-form variant with the postData fields', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), seededCard('post_form'));
    const { action, orderId } = body.data;
    const page = await postForm(sandbox, pathOf(action.redirectUrl), action.postData);
    expect(page.status).toBe(200);
    const approve = formsOf(await page.text()).find((form) => form.button === 'Approve')!;
    await postForm(sandbox, approve.action);
    expect(sandbox.getOrder(orderId)?.status).toBe('success');
  });

  it('refuses a POST-form with the wrong PaReq', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), seededCard('post_form'));
    const { action } = body.data;
    const page = await postForm(sandbox, pathOf(action.redirectUrl), { ...action.postData, PaReq: 'forged' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Invalid 3-D Secure request');
  });

  it('does not exist for wallet orders', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'WECHAT' });
    expect((await getPage(sandbox, `/_sandbox/3ds/${body.data.orderId}`)).status).toBe(404);
  });
});

describe('the hosted instructions page', () => {
  it('shows the QR with alt text and a link to pay on this device', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'ALIPAY' });
    const orderId = body.data.orderId as string;
    const page = await getPage(sandbox, body.data.action.redirectUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<h1>How to pay with Alipay</h1>');
    expect(html).toMatch(new RegExp(`<img src="${ORIGIN}/_sandbox/qr/${orderId}\\.png\\?qr=[^"]+" alt="QR code for order ${orderId}"`));
    expect(html).toMatch(new RegExp(`href="${ORIGIN}/_sandbox/pay/${orderId}\\?qr=`));
  });
});

/**
 * The rows of the index page's table with this caption, as the words each cell shows (`<br>` as " / "),
 * without the headings repeated for phones.
 */
function tableRows(html: string, caption: string): string[][] {
  const table = new RegExp(`<caption>${caption}</caption>[\\s\\S]*?<tbody[^>]*>([\\s\\S]*?)</tbody>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table "${caption}"`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
      cell!
        .replace(/<span class="label"[^>]*>[^<]*<\/span>/g, '')
        .replace(/<br>/g, ' / ')
        .replace(/<[^>]+>/g, '')
        .replace(/&#39;/g, "'"),
    ),
  );
}

describe('the index page', () => {
  it('lists the orders with their method and status in words, the amount, the instrument that paid and the customer', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now());
    const html = await (await getPage(sandbox, '/')).text();
    expect(html).toContain('<h1>Clink sandbox</h1>');
    expect(html).toContain(`${ORIGIN}/api`);
    const id = body.data.orderId as string;
    const instrumentId = sandbox.getOrder(id)!.paymentMethod.paymentInstrumentId;
    expect(tableRows(html, 'Orders')).toEqual([
      [id, 'WeChat Pay', '$9.99', 'Waiting for the customer', `${instrumentId} / WeChat Pay account`, 'cus_123'],
    ]);
    expect(html).toContain(`<a class="id" href="/_sandbox/pay/${id}">`);

    sandbox.fail(id);
    const failed = await (await getPage(sandbox, '/')).text();
    expect(tableRows(failed, 'Orders')[0]?.[3]).toMatch(/^Failed: /);
  });

  it('links a card order to its 3-D Secure page', async () => {
    start();
    const card = await createPayment(sandbox, clock.now(), seededCard('redirect'));
    const html = await (await getPage(sandbox, '/')).text();
    expect(html).toContain(`<a class="id" href="/_sandbox/3ds/${card.body.data.orderId}">`);
  });

  it('lists the seeded card instruments with their flows, and instruments saved since', async () => {
    start();
    const wallet = sandbox.createInstrument({ type: 'GCASH', customerEmail: 'ada@example.com' });
    const html = await (await getPage(sandbox, '/')).text();
    const rows = tableRows(html, 'Payment instruments');
    expect(rows).toContainEqual(['pi_sandbox_card_3ds_post', 'Card', 'cus_sandbox_cards / customer@example.com', 'Visa credit •••• 3063: 3-D Secure page (form POST)']);
    expect(rows).toContainEqual([wallet.id, 'GCash', `${wallet.customerId} / ada@example.com`, 'GCash account']);
  });
});

describe('the icon', () => {
  it('is named by every page and served, also at the /favicon.ico browsers ask for by themselves', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now());
    for (const page of ['/', body.data.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl, '/_sandbox/pay/ord_missing']) {
      expect(await (await getPage(sandbox, page)).text(), page).toContain('<link rel="icon" href="/_sandbox/favicon.svg" type="image/svg+xml">');
    }
    for (const icon of ['/_sandbox/favicon.svg', '/favicon.ico']) {
      const response = await getPage(sandbox, icon);
      expect(response.status, icon).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });
});

describe('the order pages', () => {
  it('say what the customer is paying with', async () => {
    start();
    const card = await createPayment(sandbox, clock.now(), seededCard('redirect'));
    expect(await (await getPage(sandbox, card.body.data.action.redirectUrl)).text()).toContain('<dt>Paying with</dt><dd>Visa credit •••• 3220</dd>');
    const wallet = await createPayment(sandbox, clock.now(), { paymentMethodType: 'TNG' });
    const phone = await getPage(sandbox, wallet.body.data.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl);
    expect(await phone.text()).toContain("<dt>Paying with</dt><dd>Touch &#39;n Go eWallet account</dd>");
  });
});
