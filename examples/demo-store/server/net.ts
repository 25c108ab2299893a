/** Ports and hosts from the environment. */

/** Reads a port from the environment; `undefined` when unset. `name` is the variable, for the error. */
export function parsePort(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${text}".`);
  }
  return port;
}

/**
 * A host a browser on this machine can open: listening on every interface (`0.0.0.0`, `::`) is
 * reached through the loopback address.
 */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
