// Reads the next stream part, but gives up as soon as the attempt's signal aborts: a model whose stream
// ignores the signal (or a socket that hangs without erroring) must not hold the call past its timeout.
import type { ReadableStreamReadResult } from 'node:stream/web';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

export type TPartReader = ReadableStreamDefaultReader<LanguageModelV4StreamPart>;

export function readPart(
  reader: TPartReader,
  signal: AbortSignal,
): Promise<ReadableStreamReadResult<LanguageModelV4StreamPart>> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    reader.read().then(
      (r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Cancels without caring whether the stream already failed. */
export function cancelQuietly(reader: TPartReader, reason?: unknown): void {
  reader.cancel(reason).catch(() => {});
}
