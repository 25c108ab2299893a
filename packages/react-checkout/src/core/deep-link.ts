import { refuse } from './errors.js';

export interface AndroidIntentInput {
  /** A checked custom-scheme deep link, e.g. `alipays://platformapi/startapp?saId=10000007`. */
  deepLink: string;
  /** Android package of the app; without it Android picks any app that handles the scheme. */
  packageName?: string;
  /** A checked `http(s)` page Chrome opens when the app is not installed. */
  fallbackUrl?: string;
}

const PACKAGE_NAME = /^[a-z]\w*(\.[a-z]\w*)+$/i;

/** `true` when `name` looks like a Java package (`com.example.app`); anything else could break the intent syntax. */
export const isAndroidPackageName = (name: string): boolean => PACKAGE_NAME.test(name);

/**
 * Turns a custom-scheme deep link into an Android `intent://` URL, so Chrome opens the app directly and
 * falls back to `fallbackUrl` when the app is missing:
 * `intent://<rest>#Intent;scheme=<scheme>;package=<package>;S.browser_fallback_url=<encoded>;end`.
 * A fragment on the deep link is dropped, because the intent syntax owns the fragment.
 * Throws `CheckoutActionError` (`unsafe_deep_link`) for a link without a scheme or a malformed package.
 */
export function buildAndroidIntentUrl({ deepLink, packageName, fallbackUrl }: AndroidIntentInput): string {
  const match = /^([a-z][a-z\d+.-]*):(?:\/\/)?([^#]*)/i.exec(deepLink) ?? refuse('unsafe_deep_link', 'deepLink');
  if (packageName !== undefined && !isAndroidPackageName(packageName)) refuse('unsafe_deep_link', 'packageName');
  let url = `intent://${match[2]}#Intent;scheme=${match[1]!.toLowerCase()};`;
  if (packageName) url += `package=${packageName};`;
  if (fallbackUrl) url += `S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};`;
  return `${url}end`;
}
