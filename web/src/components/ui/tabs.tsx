import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

export type TTab = { value: string; label: ReactNode; content: ReactNode };

type TTabsProps = {
  tabs: readonly TTab[];
  /** Names the tab list for screen readers. */
  label: string;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
};

/** Tabs with arrow-key navigation between them (Radix Tabs). */
export function Tabs({ tabs, label, value, defaultValue, onValueChange }: TTabsProps) {
  return (
    <RadixTabs.Root
      className="tabs"
      value={value}
      defaultValue={defaultValue ?? tabs[0]?.value}
      onValueChange={onValueChange}
    >
      <RadixTabs.List className="tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
