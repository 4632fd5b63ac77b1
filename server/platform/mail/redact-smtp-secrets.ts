/**
 * Every form in which the SMTP password could leak into an error text: as written in the URL, decoded, and
 * base64-encoded the way AUTH LOGIN / AUTH PLAIN put it on the wire (servers sometimes echo what they got).
 */
export function smtpSecrets(smtpUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return [smtpUrl];
  }
  const secrets = new Set<string>([smtpUrl]);
  if (url.password) {
    const raw = url.password;
    const pass = safeDecode(raw);
    const user = safeDecode(url.username);
    for (const s of [
      raw,
      pass,
      Buffer.from(pass).toString('base64'),
      Buffer.from(`\0${user}\0${pass}`).toString('base64'),
    ]) {
      if (s) secrets.add(s);
    }
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** The text with every secret replaced, cut to a length fit for a table column and a log line. */
export function redactSecrets(text: string, secrets: readonly string[], max = 500): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[REDACTED]');
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
