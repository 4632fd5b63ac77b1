import { Plus } from 'lucide-react';
import { STEP_TYPES, type TStepType } from '../definition.ts';

/**
 * Buttons adding a step of each type (keyboard reachable, unlike dragging from a sidebar). A new step depends
 * on the selected one, so clicking through the palette builds a chain.
 */
export function StepPalette({ onAdd, after }: { onAdd: (type: TStepType) => void; after: string | null }) {
  return (
    <section className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title" className="palette__title">
        Add a step
      </h2>
      <p className="palette__hint">
        {after ? `New steps run after ${after}.` : 'Select a step to add after it.'}
      </p>
      <ul className="palette__list">
        {STEP_TYPES.map(({ type, label, description }) => (
          <li key={type}>
            <button type="button" className="palette__button" onClick={() => onAdd(type)}>
              <Plus size={14} aria-hidden />
              <span className="palette__label">
                <span className="visually-hidden">Add </span>
                {label}
                <span className="visually-hidden"> step</span>
              </span>
              <span className="palette__description">{description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
