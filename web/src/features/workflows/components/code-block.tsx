import type { ReactNode } from 'react';

/**
 * Preformatted JSON or text in a box that scrolls when long; focusable so keyboard users can scroll it
 * (a scrollable region without focus is unreachable), and labelled for screen readers.
 */
export function CodeBlock({
  label,
  children,
  testId,
  live,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
  live?: boolean;
}) {
  return (
    <section
      className="code-block"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      aria-label={label}
      data-testid={testId}
      aria-live={live ? 'polite' : undefined}
    >
      <pre>{children}</pre>
    </section>
  );
}
