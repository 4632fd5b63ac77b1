import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './aes-gcm.ts';
import { DecryptionError } from './errors.ts';

const key = randomBytes(32);
const aad = Buffer.from('org-1');
const text = Buffer.from('sk-live-0123456789');

/** Flips one bit of one base64url part of a sealed value, keeping it well formed. */
function flip(sealed: string, part: 1 | 2 | 3, byte = 0): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byte]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('seal / open (AES-256-GCM)', () => {
  it('round-trips, empty plaintext included', () => {
    expect(open(key, seal(key, text, aad), aad)).toEqual(text);
    expect(open(key, seal(key, Buffer.alloc(0), aad), aad)).toEqual(Buffer.alloc(0));
  });

  it('writes v1.<iv>.<tag>.<ciphertext> with a 12-byte IV and a 16-byte tag', () => {
    const [version, iv, tag, ciphertext] = seal(key, text, aad).split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(text.length);
  });

  it('uses a fresh IV each time, so equal plaintexts give different values', () => {
    const a = seal(key, text, aad);
    const b = seal(key, text, aad);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ] as const)('refuses a tampered %s', (_name, part) => {
    expect(() => open(key, flip(seal(key, text, aad), part), aad)).toThrow(DecryptionError);
  });

  it('refuses a wrong key or a wrong AAD', () => {
    const sealed = seal(key, text, aad);
    expect(() => open(randomBytes(32), sealed, aad)).toThrow(/authentication failed/);
    expect(() => open(key, sealed, Buffer.from('org-2'))).toThrow(DecryptionError);
  });

  it('refuses malformed values, truncated tags and unknown versions', () => {
    const sealed = seal(key, text, aad);
    const [, iv, tag, ciphertext] = sealed.split('.');
    const shortTag = Buffer.from(tag!, 'base64url').subarray(0, 12).toString('base64url');
    for (const bad of [
      '',
      'v1.abc',
      `v2.${iv}.${tag}.${ciphertext}`,
      `v1.${iv}.${shortTag}.${ciphertext}`,
      `v1.${iv}.${tag}.${ciphertext}!`,
      `v1.${iv}.${tag}.${ciphertext}=`,
    ]) {
      expect(() => open(key, bad, aad), bad).toThrow(DecryptionError);
    }
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => seal(randomBytes(16), text, aad)).toThrow(RangeError);
  });
});
