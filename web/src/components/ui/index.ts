// The component kit: import from here. Each component is styled by web/src/styles/*.css.
export { Badge, type TBadgeTone } from './badge.tsx';
export { Button, type TButtonProps, type TButtonVariant } from './button.tsx';
export { Card } from './card.tsx';
export { Dialog, DialogClose } from './dialog.tsx';
export { DropdownMenu } from './dropdown-menu.tsx';
export { EmptyState } from './empty-state.tsx';
export { asApiError, ErrorAlert } from './error-alert.tsx';
export { Input, Select, SwitchField, Textarea, type TSelectOption } from './field.tsx';
export { IconButton } from './icon-button.tsx';
export { PageHeader } from './page-header.tsx';
export { Progress } from './progress.tsx';
export { Spinner } from './spinner.tsx';
export { Table, type TColumn } from './table.tsx';
export { Tabs, type TTab } from './tabs.tsx';
export { ToastProvider, type TToastInput, useToast } from './toast.tsx';
