import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type TButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: TButtonVariant;
  size?: 'md' | 'sm';
  /** Disables the button and shows a spinner while work it started is running. */
  loading?: boolean;
  icon?: ReactNode;
};

/** A native button (focus, Enter and Space for free), styled by variant. Defaults to type="button". */
export function Button({
  variant = 'secondary',
  size = 'md',
  type = 'button',
  loading = false,
  icon,
  className,
  disabled,
  children,
  ...props
}: TButtonProps) {
  const classes = ['button', `button--${variant}`, size === 'sm' && 'button--sm', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <span className="button__spinner" aria-hidden="true" /> : icon}
      {children}
    </button>
  );
}
