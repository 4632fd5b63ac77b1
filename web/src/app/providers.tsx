import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ToastProvider } from '../components/ui/toast.tsx';
import { createQueryClient } from './query-client.ts';
import { SessionProvider } from './session.tsx';

/**
 * The app's providers, outermost first: queries (one client), toasts, session (user, organization, role,
 * feature flags). Configuration (useConfig) is a query; realtime status lives in the signed-in shell, so the
 * public pages open no WebSocket.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <SessionProvider>{children}</SessionProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
