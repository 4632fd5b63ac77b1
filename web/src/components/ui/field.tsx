import { Switch } from 'radix-ui';
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

type TFieldFrame = {
  label: ReactNode;
  /** Shown under the control and announced with it (aria-describedby). */
  hint?: ReactNode;
  /** Marks the control invalid and is announced with it. */
  error?: string | undefined;
};

/** The label / control / hint / error frame every form control shares, wired for screen readers. */
function Frame({ id, label, hint, error, children }: TFieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

type TInputProps = TFieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id?: string };

/** A labelled text input (any `type`), with optional hint and error. */
export function Input({ label, hint, error, id, className, ...props }: TInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error}>
      <input
        id={inputId}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      />
    </Frame>
  );
}

type TTextareaProps = TFieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id?: string };

/** A labelled multi-line text input. */
export function Textarea({ label, hint, error, id, className, ...props }: TTextareaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error}>
      <textarea
        id={inputId}
        className={['input', 'input--area', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      />
    </Frame>
  );
}

export type TSelectOption = { value: string; label: string; disabled?: boolean };

type TSelectProps = TFieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
    id?: string;
    options: readonly TSelectOption[];
    /** A first, empty choice such as "Choose a model…". */
    placeholder?: string;
  };

/** A labelled native select: keyboard, mobile pickers and screen readers work without extra code. */
export function Select({ label, hint, error, id, options, placeholder, className, ...props }: TSelectProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error}>
      <select
        id={inputId}
        className={['input', 'input--select', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type TSwitchProps = {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  id?: string;
  name?: string;
};

/** A labelled on/off switch (Radix Switch: role="switch", Space toggles). */
export function SwitchField({ label, hint, checked, onCheckedChange, disabled, id, name }: TSwitchProps) {
  const generated = useId();
  const switchId = id ?? generated;
  return (
    <div className="field field--switch">
      <Switch.Root
        id={switchId}
        name={name}
        className="switch"
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={hint ? `${switchId}-hint` : undefined}
      >
        <Switch.Thumb className="switch__thumb" />
      </Switch.Root>
      <label className="field__label" htmlFor={switchId}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${switchId}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
