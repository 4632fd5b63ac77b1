import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

type TDialogProps = {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The element that opens the dialog (rendered as is: pass a Button). */
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom; a close button is always present in the corner. */
  footer?: ReactNode;
};

/** A modal dialog: focus trapped inside, Escape closes, focus returns to the trigger (Radix Dialog). */
export function Dialog({ open, onOpenChange, trigger, title, description, children, footer }: TDialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        {/* Without a description, aria-describedby={undefined} tells Radix there is none on purpose. */}
        <RadixDialog.Content className="dialog" {...(description ? {} : { 'aria-describedby': undefined })}>
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
          )}
          <div className="dialog__body">{children}</div>
          {footer && <div className="dialog__footer">{footer}</div>}
          <RadixDialog.Close className="icon-button icon-button--ghost dialog__close" aria-label="Close">
            <span aria-hidden="true">×</span>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the surrounding Dialog when clicked; wrap a Button (asChild). */
export const DialogClose = RadixDialog.Close;
