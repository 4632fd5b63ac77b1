import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseUnavailableError } from './database.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is one process's alone: a second process opening the same files would corrupt them.
 * A lock file holding the owner's pid refuses a second opener with a clear message; a lock left by a process
 * that died is taken over. Returns the release function.
 */
export function lockDataDir(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new DatabaseUnavailableError(
          `The embedded database in ${lockFile.replace(/\.lock$/, '')} is in use by process ${owner}. ` +
            'Stop that FlashFusion process first, or run this against PostgreSQL (DATABASE_URL).',
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that is gone
    }
  }
  throw new DatabaseUnavailableError(`Could not lock ${lockFile}`);
}
