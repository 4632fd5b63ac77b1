import type { ReactNode } from 'react';

type TEmptyStateProps = {
  title: string;
  /** What to do next, e.g. "Create your first agent to start running workflows." */
  children: ReactNode;
  /** The button or link that does it. */
  action?: ReactNode;
  icon?: ReactNode;
};

/** Shown instead of an empty list: says why it is empty and what to do next. */
export function EmptyState({ title, children, action, icon }: TEmptyStateProps) {
  return (
    <div className="empty-state">
      {icon && (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <p className="empty-state__title">{title}</p>
      <div className="empty-state__text">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
