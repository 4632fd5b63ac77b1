import { useRealtimeStatus } from '../realtime.tsx';

const LABEL = {
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
} as const;

const DESCRIPTION = {
  connected: 'Real-time updates are connected.',
  reconnecting: 'The real-time connection dropped; trying again.',
  disconnected: 'Real-time updates are disconnected.',
} as const;

/** The state of the realtime connection, in words (the dot only repeats it), announced when it changes. */
export function RealtimeIndicator() {
  const status = useRealtimeStatus();
  return (
    <output
      className={`realtime realtime--${status}`}
      aria-live="polite"
      title={DESCRIPTION[status]}
      data-status={status}
    >
      <span className="realtime__dot" aria-hidden="true" />
      <span className="realtime__label">{LABEL[status]}</span>
      <span className="visually-hidden"> — {DESCRIPTION[status]}</span>
    </output>
  );
}
