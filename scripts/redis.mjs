// A throwaway redis-server for tests and benchmarks: Debian's package (installed when missing, like
// Chromium), started on a free port with no persistence, stopped by the caller. Never the system service.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { run } from './lib.mjs';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/** Installs Debian's redis-server when it is missing (as root), else explains what to do. */
export function ensureRedisServer() {
  if (existsSync(REDIS_SERVER)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`redis-server is missing at ${REDIS_SERVER}. Install it (apt-get install redis-server) or set REDIS_SERVER_PATH.`);
  }
  console.log('Installing redis-server from Debian packages…');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'redis-server']) !== 0) {
    throw new Error('apt-get install redis-server failed');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts redis-server on a free loopback port and resolves once it answers PING.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startRedisServer({ timeoutMs = 10_000 } = {}) {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server is missing at ${REDIS_SERVER}: \`npm test\` installs it (apt-get install redis-server).`);
  }
  // Another process may take the port between freePort() and redis' bind: then try another one.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--maxmemory-policy', 'noeviction'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let exited = false;
    const exit = new Promise((resolve) => child.once('exit', () => resolve((exited = true))));
    const deadline = Date.now() + timeoutMs;
    while (!exited && Date.now() < deadline && !(await ping(port))) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!exited && Date.now() <= deadline) {
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          if (!exited) child.kill('SIGTERM');
          await exit;
        },
      };
    }
    if (!exited) child.kill('SIGKILL');
    await exit;
    if (attempt >= 3) throw new Error(`redis-server did not start on a free port after ${attempt} attempts.`);
  }
}
