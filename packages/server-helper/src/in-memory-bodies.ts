/**
 * Bodies that are already in memory, handed between the checkout handler and the Node adapter
 * (`toNodeHandler`) without a Web stream round trip. On Node, reading a `Request` body through its
 * `ReadableStream` and writing a `Response` body the same way cost more CPU than the rest of a
 * checkout request together (see bench/README.md); the streams stay intact for anyone else.
 */
const requestBodies = new WeakMap<Request, Uint8Array>();
const responseTexts = new WeakMap<Response, string>();

/** Records the exact bytes `request`'s body stream will also yield. */
export function rememberRequestBody(request: Request, bytes: Uint8Array): void {
  requestBodies.set(request, bytes);
}

/** The bytes recorded for `request`, unless its stream was read since. */
export function requestBodyInMemory(request: Request): Uint8Array | undefined {
  return request.bodyUsed ? undefined : requestBodies.get(request);
}

/** Records the text `response`'s body stream will also yield. */
export function rememberResponseText(response: Response, text: string): void {
  responseTexts.set(response, text);
}

/** The text recorded for `response`, unless its stream was read since. */
export function responseTextInMemory(response: Response): string | undefined {
  return response.bodyUsed ? undefined : responseTexts.get(response);
}
