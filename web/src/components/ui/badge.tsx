import type { ReactNode } from 'react';

export type TBadgeTone = 'ok' | 'warn' | 'error' | 'neutral';

/** A short status label. The text carries the meaning; the colour only repeats it. */
export function Badge({ tone = 'neutral', children }: { tone?: TBadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
