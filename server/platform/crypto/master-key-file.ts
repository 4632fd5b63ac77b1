import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger/index.ts';

export const MASTER_KEY_FILE = 'master.key';
const KEY_BYTES = 32;

/**
 * Reads DATA_DIR/master.key, generating it (32 random bytes, base64, mode 0600) on first use. Used only
 * when MASTER_KEY is unset, so a single-node install encrypts secrets with no setup.
 */
export function readOrCreateMasterKeyFile(dataDir: string, log: Logger): Buffer {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  if (!fs.existsSync(file)) create(dataDir, file, log);
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    log.warn(
      { file, mode: mode.toString(8) },
      'master key file is readable by other users; restrict it with chmod 600',
    );
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${file} does not hold ${KEY_BYTES} bytes encoded as base64`);
  }
  return key;
}

function create(dataDir: string, file: string, log: Logger): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Write beside the target, then link: the link either appears complete or fails because another
  // process got there first, so nobody ever reads a half-written key or overwrites one in use.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    log.info({ file }, 'generated a master key; back this file up, secrets cannot be read without it');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
