// Node-only: loaded with node-server.ts by `listen()`, never by the package entry point.
import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { WebhookTransport } from './webhooks.js';

/**
 * Signs with node:crypto (synchronous, no key import) and posts with node:http(s) over kept-alive
 * connections: headers and body leave in one write, and no Web streams are built per event.
 */
export function createNodeWebhookTransport(): WebhookTransport & { close(): void } {
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
  return {
    sign: (secret, timestamp, body) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'),
    post(url, headers, body, signal) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        const target = new URL(url);
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
        const payload = Buffer.from(body);
        const request = send(target, { method: 'POST', agent, headers: { ...headers, 'Content-Length': String(payload.length) } });
        const onAbort = (): void => {
          request.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        request.once('response', (response) => {
          // Read to the end so the connection goes back to the agent.
          response.resume();
          response.once('end', () => {
            signal.removeEventListener('abort', onAbort);
            resolve(response.statusCode ?? 0);
          });
          response.once('error', reject);
        });
        request.once('error', (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted && signal.reason instanceof Error ? signal.reason : error);
        });
        request.end(payload);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
