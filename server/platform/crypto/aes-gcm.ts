import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError } from './errors.ts';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size; random ones are safe for far more messages than one key will see.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key`);
}

/** Encrypts and authenticates plaintext under key, binding aad; returns `v1.<iv>.<tag>.<ciphertext>`. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Reverses `seal`; throws DecryptionError when the value is malformed, tampered with, or key/aad differ. */
export function open(key: Buffer, sealed: string, aad: Buffer): Buffer {
  assertKey(key);
  const [version, iv, tag, ciphertext] = parse(sealed);
  if (version !== VERSION) throw new DecryptionError(`unsupported sealed format ${version}`);
  // authTagLength pins the tag size: without it Node accepts a truncated tag, which is easier to forge.
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (cause) {
    throw new DecryptionError('authentication failed: wrong key or context, or the value was altered', {
      cause,
    });
  }
}

function parse(sealed: string): [string, Buffer, Buffer, Buffer] {
  const parts = sealed.split('.');
  if (parts.length !== 4) throw new DecryptionError('malformed sealed value: expected 4 dot-separated parts');
  const [version, ...encoded] = parts as [string, string, string, string];
  const [iv, tag, ciphertext] = encoded.map(decodeStrict) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new DecryptionError('malformed sealed value: wrong IV or tag length');
  }
  return [version, iv, tag, ciphertext];
}

// Node's base64url decoder skips stray characters and ignores trailing bits; requiring the canonical
// encoding keeps one sealed value from having many spellings.
function decodeStrict(part: string): Buffer {
  const bytes = Buffer.from(part, 'base64url');
  if (!BASE64URL.test(part) || bytes.toString('base64url') !== part) {
    throw new DecryptionError('malformed sealed value: not canonical base64url');
  }
  return bytes;
}
