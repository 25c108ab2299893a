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
  const load = () => (sha = command(['SCRIPT', 'LOAD', source]).then(String));
  return async (keys, args) => {
    const call = async () => command(['EVALSHA', await (sha ?? load()), String(keys.length), ...keys, ...args]);
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) {
        sha = undefined;
        throw error;
      }
      await load();
      return call();
    }
  };
}
