/**
 * The one place the server's contract suites get their sandbox from. Each suite runs once per entry
 * of `SANDBOX_KINDS`, so running them against another kind of sandbox (e.g. the varied one,
 * `{ name: 'varied sandbox', options: { variants: true } }`) is a one-line change here.
 */
import { createSandbox, type Sandbox, type SandboxOptions } from '@clink-checkout/sandbox';

export interface SandboxKind {
  name: string;
  options: SandboxOptions;
}

export const SANDBOX_KINDS: readonly SandboxKind[] = [{ name: 'default sandbox', options: {} }];

export function makeSandbox(kind: SandboxKind, options: SandboxOptions = {}): Sandbox {
  return createSandbox({ ...options, ...kind.options });
}

/**
 * The sandbox's seeded card customer and its card instruments, one per card flow (the names and shapes
 * the sandbox exports; import them from `@clink-checkout/sandbox` once it does).
 */
export const SANDBOX_CARD_CUSTOMER = { customerId: 'cus_sandbox_cards', customerEmail: 'customer@example.com' } as const;
export const SANDBOX_CARD_INSTRUMENTS = {
  redirect: 'pi_sandbox_card_3ds_redirect',
  post_form: 'pi_sandbox_card_3ds_post',
  frictionless: 'pi_sandbox_card_frictionless',
  declined: 'pi_sandbox_card_declined',
} as const;

/**
 * Answers `POST /api/payment-instrument` for a sandbox that does not serve it yet (it answers 404),
 * the way Clink documents (`PaymentInstrumentApiVo`), so the suites exercise the handler's
 * find-or-create path today. A sandbox that serves the endpoint answers itself and this stays out of
 * the way; delete it once every sandbox does.
 */
export function withInstrumentEndpoint(fetchImpl: typeof fetch): typeof fetch {
  let created = 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const answer = await fetchImpl(request.clone());
    if (answer.status !== 404 || request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/api/payment-instrument')) {
      return answer;
    }
    const body = (await request.json()) as { customerId?: string; paymentInstrumentType?: string };
    created += 1;
    const data = {
      id: `pi_wallet_${created}`,
      customerId: body.customerId ?? `cus_wallet_${created}`,
      type: body.paymentInstrumentType,
      wallet: {},
      created: Date.now(),
    };
    return new Response(JSON.stringify({ code: 200, msg: 'success', data }), { headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}
