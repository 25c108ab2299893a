/**
 * Node's built-in modules, reached without a static `node:*` import so that bundles for other runtimes
 * stay clean: `process.getBuiltinModule` (Node >= 20.16) hands them out where the runtime really has
 * them. Edge runtimes emulate `process` and throw when a Node API is touched (Next.js does so at build
 * time), so the probe looks for them first and never lets the probe itself fail.
 */

/** The globals the probe looks at. */
export interface RuntimeGlobals {
  EdgeRuntime?: unknown;
  navigator?: { userAgent?: unknown };
  process?: { getBuiltinModule?: (id: string) => unknown };
}

/**
 * The built-in module `id` (e.g. `node:crypto`) when `runtime` is Node (or a runtime with Node's
 * modules, such as Bun); `undefined` on edge runtimes, Workers and browsers.
 */
export function nodeBuiltin(id: string, runtime: RuntimeGlobals = globalThis as RuntimeGlobals): unknown {
  if (typeof runtime.EdgeRuntime === 'string') return undefined;
  try {
    // Workers with nodejs_compat offer some Node modules on top of fetch: fetch itself is better there.
    if (runtime.navigator?.userAgent === 'Cloudflare-Workers') return undefined;
    const getBuiltinModule = runtime.process?.getBuiltinModule;
    if (typeof getBuiltinModule !== 'function') return undefined;
    return getBuiltinModule(id) ?? undefined;
  } catch {
    // A runtime that emulates `process` and refuses Node APIs.
    return undefined;
  }
}
