import { Copy } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/index.ts';

/** Copies `text` to the clipboard and says so (or says it could not, e.g. without clipboard permission). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button size="sm" onClick={copy} icon={<Copy size={14} aria-hidden />}>
        {label}
      </Button>
      <span role="status" className="muted">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Copy failed: select the text and copy it by hand.'
            : ''}
      </span>
    </>
  );
}
