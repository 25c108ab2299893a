import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toNodeHandler } from '../node/index.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { SANDBOX_KINDS } from '../test-support/sandbox.js';
import { MOUNT, Transcript, createHarness, type Harness } from './test-support/harness.js';

let server: Server | undefined;
let harness: Harness | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  await harness?.sandbox.close();
});

describe('a client that hangs up mid-body', () => {
  it("is answered as the client's failure (400), not logged as the server's", async () => {
    const transcript = new Transcript();
    harness = createHarness({ transcript, requests: conformingRequests(), sandboxKind: SANDBOX_KINDS[0]! });
    const statuses: number[] = [];
    server = createServer(
      toNodeHandler(
        async (request) => {
          const response = await harness!.handler(request);
          statuses.push(response.status);
          return response;
        },
        { logger: (line) => transcript.record(line) },
      ),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const requestArrived = new Promise((resolve) => server!.once('request', resolve));

    const socket = connect(port, '127.0.0.1');
    socket.write(
      `POST ${MOUNT}/payments HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\n` +
        'Idempotency-Key: key-hangup\r\nContent-Length: 1000\r\n\r\n{"paymentMethodType":',
    );
    await requestArrived;
    socket.destroy();

    await vi.waitFor(() => expect(statuses).toHaveLength(1));
    expect(statuses).toEqual([400]);
    expect(transcript.entries.filter((line) => line.includes('[clink-checkout]'))).toEqual([]);
    expect(harness.sandbox.listOrders()).toHaveLength(0);
  });
});
