import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Without SMTP, each mail is also written as a text file readable only by the server's user, so whoever runs
 * the server can open verification and invitation links while it runs (the embedded database is its alone).
 */
export function spoolMail(
  dir: string,
  mail: { id: string; to: string; subject: string; text: string; kind: string },
) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${mail.id}.txt`,
  );
  writeFileSync(file, `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`, { mode: 0o600 });
  return file;
}
