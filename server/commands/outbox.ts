import type { TEnv } from '../env.ts';
import { openDatabase } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { listOutbox } from '../platform/mail/index.ts';

/**
 * Prints the newest mails of the outbox: how an operator without SMTP reads verification and invitation
 * links. Only someone with the database (or the data directory) can run it, which is who may see them.
 */
export async function outbox(env: TEnv, log: Logger, opts: { to?: string; limit: number }): Promise<number> {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log });
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  try {
    const { rows, total } = await listOutbox(db, { to: opts.to, limit: opts.limit, offset: 0 });
    if (rows.length === 0) console.log('The outbox is empty.');
    for (const m of rows.reverse()) {
      console.log(`--- ${m.createdAt.toISOString()}  ${m.status}  ${m.kind}`);
      console.log(`To: ${m.toAddress}\nSubject: ${m.subject}\n\n${m.textBody}\n`);
    }
    if (total > rows.length) console.log(`(${total - rows.length} older mail(s) not shown; use --limit)`);
    return 0;
  } finally {
    await db.close();
  }
}
