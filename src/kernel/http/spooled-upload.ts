import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from './kernel.errors.js';

/** A request body written to a temporary file: read it as often as needed, then `remove()`. */
export interface SpooledUpload {
  file: string;
  size: number;
  remove(): Promise<void>;
}

/**
 * Streams a request body (or any byte stream) into a temporary file of its own, refusing with 413
 * PAYLOAD_TOO_LARGE (details.limitBytes, and details.limit naming the limit when given) the moment it passes `maxBytes`; on any failure the file is
 * gone. For uploads read more than once or at random (an archive's directory), and so that a slow
 * client holds a file, not a database connection.
 */
export async function spoolUpload(
  source: NodeJS.ReadableStream,
  maxBytes: number,
  what = 'The upload',
  limitName?: string,
): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'marshal-upload-'));
  const file = join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        const error = payloadTooLarge(`${what} is over its limit of ${maxBytes} bytes`, {
          limitBytes: maxBytes,
          ...(limitName && { limit: limitName }),
        });
        return callback(error);
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, limit, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, size, remove };
}
