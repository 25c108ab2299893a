/** A scripted `fetch`: each call takes the next answer and records what was sent. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Answer = Response | Error | ((call: RecordedCall, signal: AbortSignal | undefined) => Promise<Response>);

export function scriptedFetch(...answers: Answer[]): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('scriptedFetch: no answer scripted');
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(call, init?.signal ?? undefined);
    return answer.clone();
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function ok(data: unknown): Response {
  return json({ code: 200, msg: 'success', data });
}

/** Never answers; rejects only when the signal aborts (like a real fetch). */
export const hang: Answer = (_call, signal) =>
  new Promise<Response>((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** Never answers and ignores the signal, like a broken custom fetch. */
export const deafHang: Answer = () => new Promise<Response>(() => {});

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
