import type { TStepStatus } from '../api.ts';
import { stepTypeLabel, type TStep, type TStepError } from '../definition.ts';

/**
 * The steps as a list of buttons: the keyboard and screen-reader way to select a step on the canvas, with
 * its error count or run status.
 */
export function StepList({
  steps,
  selectedId,
  onSelect,
  errors,
  statuses,
}: {
  steps: readonly TStep[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  errors?: ReadonlyMap<string, TStepError[]>;
  statuses?: ReadonlyMap<string, TStepStatus>;
}) {
  return (
    <nav className="step-list" aria-label="Steps">
      <h2 className="palette__title">Steps</h2>
      {steps.length === 0 ? (
        <p className="muted">No steps yet.</p>
      ) : (
        <ul>
          {steps.map((step) => {
            const count = errors?.get(step.id)?.length ?? 0;
            const status = statuses?.get(step.id);
            return (
              <li key={step.id}>
                <button
                  type="button"
                  className={
                    step.id === selectedId ? 'step-list__item step-list__item--selected' : 'step-list__item'
                  }
                  aria-pressed={step.id === selectedId}
                  onClick={() => onSelect(step.id)}
                >
                  <span>{step.id}</span>
                  <small className="muted">{stepTypeLabel(step.type)}</small>
                  {status && <span className={`status status--${status}`}>{status}</span>}
                  {count > 0 && (
                    <span className="badge badge--error">{count === 1 ? '1 error' : `${count} errors`}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
