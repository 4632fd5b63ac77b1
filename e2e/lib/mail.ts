import type { ReceivedMail, TestSmtpServer } from '../../server/platform/mail/smtp-server.test-kit.ts';

/**
 * Waits for a mail to `to` whose subject matches, among everything the SMTP server received (several
 * browser contexts may be signing up at once, so mails are matched, not taken in order).
 */
export async function waitForMail(
  smtp: TestSmtpServer,
  match: { to: string; subject?: RegExp; after?: number },
  timeoutMs = 15_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  const skip = match.after ?? 0;
  while (Date.now() < deadline) {
    const found = smtp.received
      .slice(skip)
      .find(
        (mail) =>
          mail.envelope.to.includes(match.to.toLowerCase()) &&
          (!match.subject || match.subject.test(mail.parsed.subject ?? '')),
      );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${match.to} matching ${match.subject ?? 'anything'} within ${timeoutMs} ms`);
}

/** The first link in a mail's text that starts with `prefix` (e.g. the server's URL). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const text = mail.parsed.text ?? '';
  const link = text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in mail "${mail.parsed.subject}":\n${text}`);
  return link;
}
