import type { ButtonHTMLAttributes, ReactNode } from 'react';

type TIconButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> & {
  /** The accessible name: an icon alone says nothing to a screen reader. Also shown as a tooltip. */
  label: string;
  icon: ReactNode;
  variant?: 'ghost' | 'secondary' | 'danger';
};

/** A square button showing only an icon, named by `label` (aria-label and title). */
export function IconButton({
  label,
  icon,
  variant = 'ghost',
  type = 'button',
  className,
  ...props
}: TIconButtonProps) {
  const classes = ['icon-button', `icon-button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} aria-label={label} title={label} {...props}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
