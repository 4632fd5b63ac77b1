import { hkdfSync } from 'node:crypto';

/**
 * The secret better-auth signs cookies with, derived from the master key so every process of an installation
 * agrees without another setting. Rotating the master key therefore signs everyone out once.
 */
export function authSecretFrom(masterKey: Buffer): string {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'flashfusion/auth-secret/v1', 32),
  ).toString('base64url');
}
