/**
 * A small stand-in for Clink's API behind a `fetch` function, strict about instruments the way Clink is:
 * `POST /payment` needs an existing instrument of the payment's method that belongs to its customer.
 * Tests queue exact JSON answers per route (`answerNext`) to feed any shape Clink's contract allows.
 */
type Route = 'POST /payment' | 'POST /payment-instrument' | 'GET /order';

export interface FakeClinkCall {
  route: Route;
  path: string;
  body: Record<string, unknown> | undefined;
}

export interface FakeClink {
  fetch: typeof fetch;
  calls: FakeClinkCall[];
  /** Routes of the calls so far, e.g. `['POST /payment-instrument', 'POST /payment']`. */
  routes(): Route[];
  /** The next call of `route` gets this answer instead of the default behaviour. */
  answerNext(route: Route, answer: () => Response): void;
  /** An instrument the customer saved earlier (a card, through Clink's hosted pages). */
  saveInstrument(instrumentId: string, type: string, customer: string): void;
  /** Deletes an instrument, as a merchant or the customer could at Clink. */
  deleteInstrument(instrumentId: string): void;
  /** Instrument creations wait for this before answering, while set. */
  holdInstruments: Promise<void> | undefined;
  /** How a payment with an instrument Clink does not accept is refused. @default HTTP 400 in Clink's envelope */
  refuseInstrument: (instrumentId: string) => Response;
}

export function clinkJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function clinkOk(data: unknown): Response {
  return clinkJson({ code: 200, msg: 'success', data });
}

/** The customer Clink resolves: `customerId` first, then the merchant's reference, then the e-mail. */
function customerOf(body: Record<string, unknown>): string {
  return String(body.customerId ?? body.referenceCustomerId ?? body.customerEmail);
}

export function createFakeClink(): FakeClink {
  const instruments = new Map<string, { type: string; customer: string }>();
  const queued = new Map<Route, Array<() => Response>>();
  let created = 0;

  const fake: FakeClink = {
    calls: [],
    holdInstruments: undefined,
    refuseInstrument: (instrumentId) =>
      clinkJson({ code: 400, msg: `PAYMENT_INSTRUMENT_NOT_FOUND: no usable instrument ${instrumentId}`, data: null }, 400),
    routes: () => fake.calls.map((call) => call.route),
    answerNext(route, answer) {
      queued.set(route, [...(queued.get(route) ?? []), answer]);
    },
    saveInstrument(instrumentId, type, customer) {
      instruments.set(instrumentId, { type, customer });
    },
    deleteInstrument(instrumentId) {
      instruments.delete(instrumentId);
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.replace(/^\/api/, '');
      const route: Route = request.method === 'GET' ? 'GET /order' : path === '/payment-instrument' ? 'POST /payment-instrument' : 'POST /payment';
      const body = request.method === 'POST' ? ((await request.json()) as Record<string, unknown>) : undefined;
      fake.calls.push({ route, path, body });
      const next = queued.get(route)?.shift();
      if (next !== undefined) return next();
      created += 1;
      switch (route) {
        case 'POST /payment-instrument': {
          await fake.holdInstruments;
          const id = `pi_fake_${created}`;
          instruments.set(id, { type: String(body!.paymentInstrumentType), customer: customerOf(body!) });
          return clinkOk({ id, customerId: `cus_${customerOf(body!)}`, type: body!.paymentInstrumentType, created: 1_764_154_800_000 });
        }
        case 'POST /payment': {
          const id = String(body!.paymentInstrumentId);
          const instrument = instruments.get(id);
          if (instrument === undefined || instrument.type !== body!.paymentMethodType || instrument.customer !== customerOf(body!)) {
            return fake.refuseInstrument(id);
          }
          const action = { type: body!.paymentMethodType, redirectUrl: `https://pay.example/${created}` };
          return clinkOk({ orderId: `ord_${created}`, sessionId: `ses_${created}`, status: 5, action, amount: body!.amount, currency: body!.currency });
        }
        case 'GET /order':
          return clinkOk({ orderId: path.split('/').pop(), status: 'requires_action' });
        default:
          return route satisfies never;
      }
    }) as typeof fetch,
  };
  return fake;
}
