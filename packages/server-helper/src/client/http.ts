/** One HTTP exchange with Clink, as the client needs it, whatever carries it. */
export interface ClinkHttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborts the exchange: the promise then rejects (with the signal's reason, or any error). */
  signal: AbortSignal;
}

export interface ClinkHttpAnswer {
  status: number;
  statusText: string;
  /** The `Retry-After` header, if any. */
  retryAfter: string | null;
  text: string;
}

/** Sends one request; rejects when no answer arrives (connection failure, abort). */
export type ClinkHttp = (request: ClinkHttpRequest) => Promise<ClinkHttpAnswer>;

/** Rejects as soon as `signal` aborts, even when an injected fetch ignores its signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {}); // the loser of the race must not surface as an unhandled rejection
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Clink through a `fetch`: the global one (edge runtimes, browsers) or one a caller passed. */
export function fetchHttp(fetchImpl: typeof fetch): ClinkHttp {
  return async ({ url, method, headers, body, signal }) => {
    if (signal.aborted) throw signal.reason;
    // Called unbound: some runtimes throw "Illegal invocation" when fetch loses its `this`.
    const response = await untilAborted(fetchImpl(url, { method, headers, body, signal }), signal);
    return {
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get('Retry-After'),
      text: await untilAborted(response.text(), signal),
    };
  };
}
