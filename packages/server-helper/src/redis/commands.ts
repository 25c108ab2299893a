import { ClinkConfigurationError } from '../errors.js';

/** node-redis v5 or later (`createClient()` from `redis`): raw commands go through `sendCommand`. */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** ioredis (`new Redis()`, also `Redis.Cluster`): raw commands go through `call`. */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A connected client the merchant already has. */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/** Sends one command and resolves its reply (`null` for nil). */
export type RedisCommand = (args: string[]) => Promise<unknown>;

/** One way to send commands, whichever of the two clients it is. */
export function redisCommand(redis: RedisClientLike): RedisCommand {
  // ioredis also has a `sendCommand`, taking its own Command objects: look for `call` first.
  if (typeof (redis as IoRedisClientLike | undefined)?.call === 'function') {
    const client = redis as IoRedisClientLike;
    return ([command, ...args]) => client.call(command!, ...args);
  }
  if (typeof (redis as NodeRedisClientLike | undefined)?.sendCommand === 'function') {
    const client = redis as NodeRedisClientLike;
    return (args) => client.sendCommand(args);
  }
  throw new ClinkConfigurationError(
    'redis must be a connected node-redis (v5 or later, `createClient()` from "redis") or ioredis client.',
  );
}

/**
 * A Lua script run with EVALSHA, loaded on first use and again after the server forgot it (a restart,
 * SCRIPT FLUSH): the script text is not sent with every call, and it runs atomically on the server.
 */
export function luaScript(command: RedisCommand, source: string): (keys: string[], args: string[]) => Promise<unknown> {
  let sha: Promise<string> | undefined;
  // Once loaded, the hash itself: each call then sends its command at once, with no await before it.
  let loadedSha: string | undefined;
  const load = () =>
    (sha = command(['SCRIPT', 'LOAD', source]).then((reply) => {
      loadedSha = String(reply);
      return loadedSha;
    }));
  const send = (hash: string, keys: string[], args: string[]) => command(['EVALSHA', hash, String(keys.length), ...keys, ...args]);
  const retry = async (error: unknown, keys: string[], args: string[]) => {
    if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) {
      sha = undefined;
      loadedSha = undefined;
      throw error;
    }
    return send(await load(), keys, args);
  };
  return (keys, args) => {
    let sent: Promise<unknown>;
    try {
      sent = loadedSha === undefined ? (sha ?? load()).then((hash) => send(hash, keys, args)) : send(loadedSha, keys, args);
    } catch (error) {
      sent = Promise.reject(error); // a client that throws instead of rejecting
    }
    return sent.catch((error: unknown) => retry(error, keys, args));
  };
}
