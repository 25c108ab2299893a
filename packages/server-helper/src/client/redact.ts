/** `sk_test_…`: enough to tell sandbox from production keys, never the secret part. */
export function maskKey(apiKey: string): string {
  const prefix = /^(sk_(?:test|prod)_)/.exec(apiKey)?.[1];
  return prefix === undefined ? '…' : `${prefix}…`;
}

/** Removes the key from text that came from elsewhere (an answer body, a runtime's error message). */
export function redactSecret(text: string, apiKey: string): string {
  if (apiKey === '') return text;
  return text.split(apiKey).join(maskKey(apiKey));
}
