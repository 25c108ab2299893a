export declare const REDIS_SERVER: string;
export declare function ensureRedisServer(): void;
export declare function startRedisServer(options?: { timeoutMs?: number }): Promise<{
  url: string;
  port: number;
  stop: () => Promise<void>;
}>;
