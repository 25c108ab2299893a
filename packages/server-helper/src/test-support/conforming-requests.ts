/**
 * Checks every create request a test's client sends against the protocol schema of Clink's API, with
 * unknown fields reported: a request Clink's reference does not describe fails the test that sent it.
 */
import {
  checkSchema,
  createPaymentInstrumentRequestSchema,
  createPaymentRequestSchema,
  type ObjectSchema,
  type SchemaIssue,
} from '@clink-checkout/protocol/schema';
import { afterEach, expect } from 'vitest';

const SCHEMAS: ReadonlyArray<{ path: string; schema: ObjectSchema }> = [
  { path: '/payment', schema: createPaymentRequestSchema },
  { path: '/payment-instrument', schema: createPaymentInstrumentRequestSchema },
];

export interface RequestIssue extends SchemaIssue {
  request: string;
}

export interface ConformingRequests {
  /**
   * A fetch that checks each `POST /payment` and `POST /payment-instrument` body before passing the
   * request on. `allowFields` names fields a test sends on purpose although the schema lacks them
   * (e.g. a field Clink might add later).
   */
  wrap(fetchImpl: typeof fetch, options?: { allowFields?: readonly string[] }): typeof fetch;
  /**
   * Checks a request where it arrives instead (e.g. in the sandbox's `fault` hook), for a client that
   * sends without fetch; the check finishes before the test's `afterEach` looks at the issues.
   */
  inspect(request: Request): void;
  /** How many create requests were checked so far in this file. */
  readonly checked: number;
  /** The issues found since the last call (the `afterEach` check takes them too). */
  takeIssues(): RequestIssue[];
}

/** Registers an `afterEach` that fails the test if any checked request broke the schema. */
export function conformingRequests(): ConformingRequests {
  const issues: RequestIssue[] = [];
  const pending: Promise<void>[] = [];
  let checked = 0;
  afterEach(async () => {
    await Promise.all(pending.splice(0));
    expect(issues.splice(0), "requests that break the protocol schema of Clink's API").toEqual([]);
  });

  async function check(request: Request, allowed: ReadonlySet<string>): Promise<void> {
    const target = SCHEMAS.find(({ path }) => request.method === 'POST' && new URL(request.url).pathname.endsWith(`/api${path}`));
    if (target === undefined) return;
    checked += 1;
    let body: unknown;
    try {
      body = JSON.parse(await request.clone().text());
    } catch {
      body = undefined;
    }
    for (const issue of checkSchema(target.schema, body, { unknownFields: 'report' })) {
      if (!allowed.has(issue.path)) issues.push({ request: `POST ${target.path}`, ...issue });
    }
  }

  return {
    takeIssues: () => issues.splice(0),
    wrap(fetchImpl, options = {}) {
      const allowed = new Set(options.allowFields ?? []);
      return (async (input: RequestInfo | URL, init?: RequestInit) => {
        await check(new Request(input, init), allowed);
        return fetchImpl(input, init);
      }) as typeof fetch;
    },
    inspect(request) {
      pending.push(check(request.clone(), new Set()));
    },
    get checked() {
      return checked;
    },
  };
}
