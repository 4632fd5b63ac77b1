import { useToast } from '../../../components/ui/index.ts';

/** A success toast; failures are shown in place with ErrorAlert (message, code, request id). */
export function useSavedToast(): (title: string, description?: string) => void {
  const toast = useToast();
  return (title, description) => toast({ title, ...(description ? { description } : {}), tone: 'success' });
}
