import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the local SMTP server received it: the raw bytes, the parsed form and the envelope. */
export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  envelope: { from: string | null; to: string[] };
}

export interface TestSmtpServer {
  port: number;
  /** smtp:// URL for createMailer, with credentials when the server was started with `auth`. */
  url: string;
  received: ReceivedMail[];
  /** The next message not yet taken by nextMail, waiting for it to arrive if need be. */
  nextMail(timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, plain text (no TLS), for tests that send mail and follow the
 * links in it. `rejectRcpt` answers every RCPT TO with 550; `auth` requires those credentials and, with
 * `rejectAuthEchoingPassword`, refuses them like a careless server that repeats the password it got.
 */
export async function startTestSmtpServer(
  opts: {
    rejectRcpt?: string;
    auth?: { user: string; pass: string };
    rejectAuthEchoingPassword?: boolean;
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: Array<(m: ReceivedMail) => void> = [];
  let taken = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.rejectAuthEchoingPassword) return cb(smtpError(`bad credentials ${auth.password}`, 535));
      if (auth.username === opts.auth?.user && auth.password === opts.auth?.pass)
        return cb(null, { user: 1 });
      cb(smtpError('Authentication failed', 535));
    },
    onRcptTo(_address, _session, cb) {
      cb(opts.rejectRcpt ? smtpError(opts.rejectRcpt, 550) : null);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const mail: ReceivedMail = {
              raw: raw.toString('utf8'),
              parsed,
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            };
            received.push(mail);
            waiters.shift()?.(mail);
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const creds = opts.auth
    ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@`
    : '';
  return {
    port,
    url: `smtp://${creds}127.0.0.1:${port}`,
    received,
    nextMail(timeoutMs = 5_000) {
      const waiting = received[taken];
      if (waiting) {
        taken += 1;
        return Promise.resolve(waiting);
      }
      return new Promise((resolve, reject) => {
        const waiter = (m: ReceivedMail) => {
          clearTimeout(timer);
          taken += 1;
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error('no mail received in time'));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
