import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A stream cipher: confidentiality of a temporary file that this process reads back once. */
const CIPHER = 'aes-256-ctr';

/** An import's body, received whole and waiting on disk until its lines run. */
export interface SpooledBody {
  /** Where the encrypted body lies (for the tests that check it cannot be read). */
  readonly file: string;
  /** The body as it was sent. */
  read(): Readable;
  /** Removes the file; call it whatever happened. */
  dispose(): Promise<void>;
}

/**
 * Receives a request body into a temporary file rather than memory: a migration of a million lines
 * costs a file, not the API's heap. Its lines may hold carers' personal data, so the file is
 * encrypted under a key that lives only in this object: one left behind by a crash is unreadable.
 */
export async function spoolBody(body: AsyncIterable<Buffer | string> & NodeJS.ReadableStream): Promise<SpooledBody> {
  const folder = await mkdtemp(join(tmpdir(), 'import-'));
  const file = join(folder, 'body.ndjson.enc');
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const dispose = () => rm(folder, { recursive: true, force: true });
  try {
    await pipeline(body, createCipheriv(CIPHER, key, iv), createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { file, read: () => createReadStream(file).pipe(createDecipheriv(CIPHER, key, iv)), dispose };
}
