import { nodeBuiltin, type RuntimeGlobals } from '../node-builtins.js';
import type { ClinkHttp } from './http.js';

/** The parts of node:http and node:https the client uses. */
interface NodeHttpModule {
  Agent: new (options: { keepAlive: boolean; timeout: number }) => unknown;
  request(
    url: string,
    options: { method: string; headers: Record<string, string | number>; agent: unknown; signal: AbortSignal },
    onResponse: (response: NodeIncoming) => void,
  ): NodeOutgoing;
}

interface NodeIncoming {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  complete: boolean;
  setEncoding(encoding: 'utf8'): void;
  on(event: 'data', listener: (chunk: string) => void): void;
  on(event: 'end' | 'close', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

interface NodeOutgoing {
  on(event: 'error', listener: (error: Error) => void): void;
  end(body?: string): void;
}

/**
 * Idle kept-alive sockets are closed after this long, before a server's usual 5 s keep-alive timeout
 * could close them under a request just being sent.
 */
const IDLE_SOCKET_MS = 4_000;

function moduleOf(id: string, runtime: RuntimeGlobals | undefined): NodeHttpModule | undefined {
  const candidate = nodeBuiltin(id, runtime) as Partial<NodeHttpModule> | undefined;
  return typeof candidate?.request === 'function' && typeof candidate.Agent === 'function' ? (candidate as NodeHttpModule) : undefined;
}

/**
 * Clink over node:http and node:https with sockets kept alive, where the runtime has Node's modules;
 * `undefined` elsewhere (the client then uses fetch). On Node a `fetch` builds a `Request`, a
 * `Response`, Web streams and abort signals for every call: about four times the CPU of the same
 * exchange on node:http (bench/README.md).
 */
export function nodeHttp(runtime?: RuntimeGlobals): ClinkHttp | undefined {
  const http = moduleOf('node:http', runtime);
  const https = moduleOf('node:https', runtime);
  if (http === undefined || https === undefined) return undefined;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };

  return ({ url, method, headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const secure = url.startsWith('https:');
      const outgoing = (secure ? https : http).request(
        url,
        {
          method,
          headers: body === undefined ? headers : { ...headers, 'Content-Length': Buffer.byteLength(body) },
          agent: agents[secure ? 'https:' : 'http:'],
          signal,
        },
        (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk) => {
            text += chunk;
          });
          incoming.on('end', () => {
            const retryAfter = incoming.headers['retry-after'];
            resolve({
              status: incoming.statusCode ?? 0,
              statusText: incoming.statusMessage ?? '',
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
              text,
            });
          });
          incoming.on('error', reject);
          // A connection that drops mid-answer: no 'end', maybe no 'error'.
          incoming.on('close', () => {
            if (!incoming.complete) reject(new Error('The connection closed before the answer ended.'));
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}
