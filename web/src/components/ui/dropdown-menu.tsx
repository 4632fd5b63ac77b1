import { DropdownMenu as RadixMenu } from 'radix-ui';
import type { ReactNode } from 'react';

type TMenuItem =
  | {
      kind?: 'item';
      label: ReactNode;
      onSelect: () => void;
      icon?: ReactNode;
      danger?: boolean;
      disabled?: boolean;
    }
  | { kind: 'separator' }
  | { kind: 'label'; label: ReactNode };

type TDropdownMenuProps = {
  /** The element that opens the menu (rendered as is: pass a Button or IconButton). */
  trigger: ReactNode;
  items: readonly TMenuItem[];
  align?: 'start' | 'end';
  /** Names the menu for screen readers when its trigger alone does not. */
  label?: string;
};

/** A menu of actions: arrow keys move, Enter selects, Escape closes (Radix DropdownMenu). */
export function DropdownMenu({ trigger, items, align = 'end', label }: TDropdownMenuProps) {
  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while it is open, which leaves
    // focusable elements inside aria-hidden content (axe: aria-hidden-focus). Escape and outside clicks
    // still close it, and focus still returns to the trigger.
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" align={align} sideOffset={6} aria-label={label}>
          {items.map((item, index) => {
            if (item.kind === 'separator') {
              // biome-ignore lint/suspicious/noArrayIndexKey: the item list is static per render.
              return <RadixMenu.Separator key={index} className="menu__separator" />;
            }
            if (item.kind === 'label') {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the item list is static per render.
                <RadixMenu.Label key={index} className="menu__label">
                  {item.label}
                </RadixMenu.Label>
              );
            }
            return (
              <RadixMenu.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: the item list is static per render.
                key={index}
                className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
                disabled={item.disabled}
                onSelect={item.onSelect}
              >
                {item.icon && <span aria-hidden="true">{item.icon}</span>}
                {item.label}
              </RadixMenu.Item>
            );
          })}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
