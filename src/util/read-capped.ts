/** Reading an HTTP answer's body with a cap: past `maxBytes` the stream is dropped and `tooLarge` thrown. */
import type { Dispatcher } from "undici";

export async function readCapped(body: Dispatcher.ResponseData["body"], maxBytes: number, tooLarge: (message: string) => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw tooLarge(`the answer is larger than ${Math.round(maxBytes / 1024)} KiB; stopped reading`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
