/**
 * Reading an HTTP answer's body with a cap, the one way health sources and publishers both read:
 * the cap is enforced while reading (past `maxBytes` the stream is dropped at once, a 256 MiB body
 * is never held), and the read stops the moment `signal` aborts, whatever the server does, so a
 * body that trickles forever ends with its request's timer.
 */
import type { Readable } from "node:stream";

/** The body went past its cap; reading stopped there. */
export class TooLarge extends Error {}

export function tooLargeMessage(maxBytes: number): string {
  return `the answer is larger than ${Math.round(maxBytes / 1024)} KiB; stopped reading`;
}

/**
 * Resolves with the whole body, or rejects with `TooLarge`, with the signal's reason when it
 * aborts (or `aborted()` when the reason is not an Error), or with the stream's own error.
 */
export function readCapped(body: Readable, maxBytes: number, signal: AbortSignal, aborted: () => Error = () => new Error("aborted")): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const reasonOf = () => (signal.reason instanceof Error ? signal.reason : aborted());
    const finish = (error?: Error) => {
      signal.removeEventListener("abort", onAbort);
      body.off("data", onData).off("end", onEnd).off("error", onError);
      if (error) {
        body.on("error", () => undefined); // a late error from the destroyed stream is expected
        body.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onAbort = () => finish(reasonOf());
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(new TooLarge(tooLargeMessage(maxBytes)));
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(signal.aborted ? reasonOf() : error);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    body.on("data", onData).on("end", onEnd).on("error", onError);
  });
}
