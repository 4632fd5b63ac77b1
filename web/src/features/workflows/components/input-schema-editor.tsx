import { Plus, Trash2 } from 'lucide-react';
import { Button, IconButton, Input, Select } from '../../../components/ui/index.ts';
import type { TStepError } from '../definition.ts';
import { inputFields, type TInputField, toInputSchema } from '../input-schema.ts';

const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'].map((t) => ({
  value: t,
  label: t,
}));

/**
 * The run input's JSON Schema as a list of fields (name, type, required). Keywords the list does not show
 * (minLength, default, items…) are kept on each property.
 */
export function InputSchemaEditor({
  schema,
  onChange,
  editable,
  errors,
}: {
  schema: Record<string, unknown> | undefined;
  onChange: (schema: Record<string, unknown> | undefined) => void;
  editable: boolean;
  errors: readonly TStepError[];
}) {
  const fields = inputFields(schema);
  const update = (next: TInputField[]) => onChange(toInputSchema(schema, next));
  const patch = (index: number, change: Partial<TInputField>) =>
    update(fields.map((f, i) => (i === index ? { ...f, ...change } : f)));
  return (
    <section className="input-schema" aria-labelledby="input-schema-title">
      <h2 id="input-schema-title" className="panel__title">
        Run input
      </h2>
      {fields.length === 0 && (
        <p className="muted">
          No input fields: runs start with an empty input. Add one for each value the steps read as{' '}
          {'{{ input.<name> }}'}.
        </p>
      )}
      {fields.map((field, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a field's only identity is its place; its name is being edited.
        <div className="input-schema__row" key={index}>
          <Input
            label="Field name"
            disabled={!editable}
            value={field.name}
            onChange={(e) => patch(index, { name: e.target.value })}
          />
          <Select
            label="Type"
            disabled={!editable}
            value={field.type}
            options={TYPES}
            onChange={(e) => patch(index, { type: e.target.value })}
          />
          <label className="input-schema__required">
            <input
              type="checkbox"
              disabled={!editable}
              checked={field.required}
              onChange={(e) => patch(index, { required: e.target.checked })}
            />
            Required
          </label>
          {editable && (
            <IconButton
              label={`Remove input ${field.name || index + 1}`}
              icon={<Trash2 size={16} />}
              onClick={() => update(fields.filter((_, i) => i !== index))}
            />
          )}
        </div>
      ))}
      {errors.map((e) => (
        <p className="field__error" key={`${e.field}:${e.message}`}>
          {e.field ? `${e.field}: ` : ''}
          {e.message}
        </p>
      ))}
      {editable && (
        <Button
          size="sm"
          icon={<Plus size={14} aria-hidden />}
          onClick={() => update([...fields, { name: '', type: 'string', required: false, extra: {} }])}
        >
          Add input field
        </Button>
      )}
    </section>
  );
}
