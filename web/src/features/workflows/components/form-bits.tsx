import { useId, useState } from 'react';
import { Input, Textarea } from '../../../components/ui/index.ts';
import type { TStepError } from '../definition.ts';

/** The first server error for `field` of a step (or a path below it: `retry.attempts` belongs to `retry`). */
export function stepFieldError(errors: readonly TStepError[], field: string): string | undefined {
  return errors.find((e) => e.field === field || e.field?.startsWith(`${field}.`))?.message;
}

type TJsonFieldProps = {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
  rows?: number;
};

/**
 * A JSON value edited as text: the text is kept as typed, the value is updated only when it parses, and a
 * parse error is shown under the field instead of being sent. Empty text means "not set".
 */
export function JsonField({ label, value, onChange, hint, error, disabled, rows = 4 }: TJsonFieldProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [parseError, setParseError] = useState<string>();
  return (
    <Textarea
      label={label}
      hint={hint}
      rows={rows}
      className="input--mono"
      disabled={disabled}
      value={text}
      error={parseError ?? error}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') {
          setParseError(undefined);
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(e.target.value));
          setParseError(undefined);
        } catch (cause) {
          setParseError(`Not valid JSON: ${(cause as Error).message}`);
        }
      }}
    />
  );
}

/** A number input whose empty value means "not set" (undefined), for optional numeric fields. */
export function OptionalNumber({
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
  min,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
  min?: number;
}) {
  return (
    <Input
      label={label}
      type="number"
      inputMode="numeric"
      min={min}
      hint={hint}
      disabled={disabled}
      value={value ?? ''}
      error={error}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
}

/**
 * A checkbox per step: the keyboard way to draw edges (depends on, then, else). A fieldset with a legend,
 * so each box is announced with the group's purpose.
 */
export function StepChecklist({
  legend,
  options,
  selected,
  onChange,
  error,
  disabled,
  hint,
}: {
  legend: string;
  options: readonly string[];
  selected: readonly string[] | undefined;
  onChange: (next: string[] | undefined) => void;
  error?: string;
  disabled?: boolean;
  hint?: string;
}) {
  const id = useId();
  const current = new Set(selected ?? []);
  const toggle = (option: string, on: boolean) => {
    const next = options.filter((o) => (o === option ? on : current.has(o)));
    // Keep references to unknown steps (the server reports them) instead of silently dropping them.
    const unknown = [...current].filter((o) => !options.includes(o));
    const all = [...next, ...unknown];
    onChange(all.length > 0 ? all : undefined);
  };
  return (
    <fieldset
      className={error ? 'step-checklist field--invalid' : 'step-checklist'}
      disabled={disabled}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {options.length === 0 && <p className="field__hint">No other steps yet.</p>}
      {options.map((option) => (
        <label key={option} className="step-checklist__item">
          <input
            type="checkbox"
            checked={current.has(option)}
            onChange={(e) => toggle(option, e.target.checked)}
          />
          {option}
        </label>
      ))}
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
    </fieldset>
  );
}
