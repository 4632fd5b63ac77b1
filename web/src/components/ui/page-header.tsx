import { type ReactNode, useEffect } from 'react';

type TPageHeaderProps = {
  title: string;
  description?: ReactNode;
  /** Buttons for the page's main actions, shown at the right (below the title on phones). */
  actions?: ReactNode;
};

/** The page's one h1, its description and actions; also sets the document title. */
export function PageHeader({ title, description, actions }: TPageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · FlashFusion`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
