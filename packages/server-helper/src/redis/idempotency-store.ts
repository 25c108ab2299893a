import { ClinkConfigurationError } from '../errors.js';
import type { IdempotencyRecord, IdempotencyStore } from '../handler/idempotency-store.js';
import { luaScript, redisCommand, type RedisClientLike } from './commands.js';

// Every script takes the key as KEYS[1]. Claiming is one SET NX PX; when the key is taken, the same
// script reads the record that holds it, so "taken, by what" is one atomic answer. A record past its
// expiresAt on the store's clock (ARGV[3]) counts as absent, as it does for get: its Redis TTL started when
// the write reached Redis, so on a loaded machine the key outlives expiresAt by that delay.
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
local current = redis.call('GET', KEYS[1])
local ok, record = pcall(cjson.decode, current)
if ok and type(record) == 'table' and type(record.expiresAt) == 'number' and record.expiresAt <= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return false
end
return current`;

// Completing or releasing with an owner touches only that owner's claim (completing also an empty
// key): a request whose claim ran out never overwrites or deletes the claim another request made since.
const OWNS = `
local function owns(current, owner, absentOk)
  if owner == '' then return true end
  if not current then return absentOk end
  local ok, record = pcall(cjson.decode, current)
  return ok and type(record) == 'table' and record.state == 'in_flight' and record.owner == owner
end`;
const SET = `${OWNS}
if not owns(redis.call('GET', KEYS[1]), ARGV[3], true) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
const DELETE = `${OWNS}
if not owns(redis.call('GET', KEYS[1]), ARGV[1], false) then return 0 end
return redis.call('DEL', KEYS[1])`;

export interface RedisIdempotencyStoreOptions {
  /** A connected node-redis (v5+) or ioredis client. */
  redis: RedisClientLike;
  /**
   * Put before every key, so several stores (and apps) share one Redis without meeting.
   * @default 'clink-checkout:'
   */
  prefix?: string;
  /** Clock (ms) that `expiresAt` is measured on; TTLs are sent relative to it. @default Date.now */
  now?: () => number;
}

function parseRecord(text: unknown): IdempotencyRecord | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as IdempotencyRecord;
  } catch {
    return undefined; // not ours: treated as absent rather than crashing a checkout
  }
}

/**
 * An `IdempotencyStore` on Redis, shared by every process that uses the same Redis and prefix. Claims
 * are atomic on the server (a Lua script around `SET NX PX`), every record expires with a Redis TTL,
 * and completing or releasing a claim checks its owner in the same atomic step. Keys never lose their
 * TTL, so run this Redis with `maxmemory-policy noeviction` (or give it room): an evicting policy may
 * drop a claim that is still in flight.
 */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): IdempotencyStore {
  const command = redisCommand(options.redis);
  const prefix = options.prefix ?? 'clink-checkout:';
  if (typeof prefix !== 'string') throw new ClinkConfigurationError('prefix must be a string, e.g. "shop:checkout:".');
  const now = options.now ?? Date.now;
  const claimScript = luaScript(command, CLAIM);
  const setScript = luaScript(command, SET);
  const deleteScript = luaScript(command, DELETE);
  // Redis refuses a TTL of 0; a record due now lives one more millisecond.
  const ttl = (record: IdempotencyRecord) => String(Math.max(1, Math.ceil(record.expiresAt - now())));
  const live = (record: IdempotencyRecord | undefined) => (record !== undefined && record.expiresAt > now() ? record : undefined);

  return {
    async claim(key, record) {
      const existing = await claimScript([prefix + key], [JSON.stringify(record), ttl(record), String(now())]);
      if (existing === null || existing === undefined) return undefined;
      // Taken by a record we cannot read: report it as in flight, so nothing runs twice.
      return parseRecord(existing) ?? { state: 'in_flight', fingerprint: '', expiresAt: record.expiresAt };
    },
    async get(key) {
      return live(parseRecord(await command(['GET', prefix + key])));
    },
    async set(key, record, writeOptions) {
      await setScript([prefix + key], [JSON.stringify(record), ttl(record), writeOptions?.owner ?? '']);
    },
    async delete(key, writeOptions) {
      await deleteScript([prefix + key], [writeOptions?.owner ?? '']);
    },
  };
}
