import { Toast } from 'radix-ui';
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';

export type TToastTone = 'info' | 'success' | 'error';
export type TToastInput = { title: string; description?: string; tone?: TToastTone };
type TToastItem = TToastInput & { id: number };

const ToastContext = createContext<((toast: TToastInput) => void) | null>(null);

/** Hosts the toasts of the app; `useToast()` below it shows one. Announced politely by Radix. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<TToastItem[]>([]);
  const nextId = useRef(1);
  const show = useCallback((toast: TToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list, { ...toast, id }]);
  }, []);
  const remove = (id: number) => setToasts((list) => list.filter((t) => t.id !== id));
  return (
    <ToastContext.Provider value={show}>
      <Toast.Provider swipeDirection="right" duration={6000}>
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            className={`toast toast--${toast.tone ?? 'info'}`}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) remove(toast.id);
            }}
          >
            <Toast.Title className="toast__title">{toast.title}</Toast.Title>
            {toast.description && (
              <Toast.Description className="toast__description">{toast.description}</Toast.Description>
            )}
            <Toast.Close className="icon-button icon-button--ghost toast__close" aria-label="Dismiss">
              <span aria-hidden="true">×</span>
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" label="Notifications ({hotkey})" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: 'Saved', tone: 'success' })`. */
export function useToast(): (toast: TToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a ToastProvider above it');
  return show;
}
