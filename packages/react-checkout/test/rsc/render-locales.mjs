// Runs under `node --conditions=react-server --experimental-loader react-server-dom-webpack/node-loader`: the
// React Server Components environment. The loader turns every module marked 'use client' into client references,
// as an RSC bundler does, so calling one of its functions from a Server Component throws.
import { createElement } from 'react';
import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import { Writable } from 'node:stream';
import { resolveMessages, resolveLocale } from '@clink-checkout/react/locales';
import { ClinkPayButton } from '@clink-checkout/react';

/** A Server Component of a merchant's page: picks the language on the server and prints the pay label. */
function CheckoutHeading({ acceptLanguage }) {
  const locale = resolveLocale(acceptLanguage);
  const messages = resolveMessages(locale, { cancelled: 'Cancelled.' });
  return createElement('h1', { lang: locale }, messages.payWith.replace('{wallet}', 'PromptPay'));
}

const errors = [];
const payload = await new Promise((resolve, reject) => {
  let text = '';
  const { pipe } = renderToPipeableStream(createElement(CheckoutHeading, { acceptLanguage: 'th-TH,th;q=0.9' }), {}, {
    onError: (error) => {
      errors.push(error instanceof Error ? error.message : String(error));
    },
  });
  pipe(
    new Writable({
      write(chunk, _encoding, done) {
        text += chunk;
        done();
      },
      final(done) {
        resolve(text);
        done();
      },
    }),
  );
  setTimeout(() => reject(new Error('the render did not finish')), 10_000).unref();
});

const expected = 'ชำระด้วย PromptPay';
const isClientReference = ClinkPayButton.$$typeof === Symbol.for('react.client.reference');
console.log(JSON.stringify({ errors, rendered: payload.includes(expected), isClientReference }));
if (errors.length > 0 || !payload.includes(expected) || !isClientReference) {
  console.error(errors.length > 0 ? errors.join('\n') : `expected "${expected}" in the payload:\n${payload}`);
  process.exit(1);
}
