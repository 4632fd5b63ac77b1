import type { ReactNode } from 'react';

type TCardProps = {
  title?: ReactNode;
  /** Heading level of the title inside the page outline. */
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A bordered surface grouping related content, optionally titled (a labelled section). */
export function Card({ title, level = 2, actions, children, className }: TCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const classes = ['card', className].filter(Boolean).join(' ');
  if (!title) return <div className={classes}>{children}</div>;
  return (
    <section className={classes}>
      <div className="card__header">
        <Heading className="card__title">{title}</Heading>
        {actions && <div className="card__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
