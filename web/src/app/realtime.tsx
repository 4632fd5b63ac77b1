import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { RealtimeConnection, realtimeUrl, type TRealtimeStatus } from './realtime-connection.ts';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/** Keeps the realtime WebSocket open while the signed-in app is shown. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [connection] = useState(() => new RealtimeConnection({ url: realtimeUrl() }));
  useEffect(() => {
    connection.start();
    const online = () => connection.online();
    const offline = () => connection.offline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      connection.stop();
    };
  }, [connection]);
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

/** 'connected' | 'disconnected' | 'reconnecting': the real state of the realtime socket. */
export function useRealtimeStatus(): TRealtimeStatus {
  const connection = useContext(RealtimeContext);
  if (!connection) throw new Error('useRealtimeStatus needs a RealtimeProvider above it');
  return useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.status,
  );
}
