import type { ButtonHTMLAttributes } from 'react';

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' };

/** A native button (focus, Enter and Space for free), styled by variant. Defaults to type="button". */
export function Button({ variant = 'secondary', type = 'button', className, ...props }: TButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...props} />;
}
