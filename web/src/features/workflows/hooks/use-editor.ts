import { useCallback, useMemo, useState } from 'react';
import {
  connect,
  disconnect,
  errorsByStep,
  newStep,
  removeStep,
  replaceStep,
  type TStep,
  type TStepError,
  type TStepType,
  type TWorkflowDefinition,
} from '../definition.ts';
import { autoLayout, loadPositions, savePositions, type TPoint } from '../layout.ts';

/** Maps `steps[3]` (a step the server could not name by id) to the id it has in the editor. */
function resolveStepLabel(label: string | undefined, steps: readonly TStep[]): string | undefined {
  const index = label ? /^steps\[(\d+)\]$/.exec(label)?.[1] : undefined;
  return index !== undefined ? (steps[Number(index)]?.id ?? label) : label;
}

/**
 * The canvas editor's state: the definition being edited, selection, node positions and the server's
 * validation errors of the last save. Every edit goes through here so references stay consistent.
 */
export function useEditor(workflowId: string, initial: TWorkflowDefinition) {
  const [definition, setDefinition] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrorsState] = useState<TStepError[]>([]);
  const [saved, setSaved] = useState<Record<string, TPoint>>(() => loadPositions(workflowId));

  const positions = useMemo(() => ({ ...autoLayout(definition.steps), ...saved }), [definition.steps, saved]);

  const edit = useCallback((next: (d: TWorkflowDefinition) => TWorkflowDefinition) => {
    setDefinition(next);
    setDirty(true);
  }, []);

  const select = (id: string | null) => {
    if (id === selectedId) return;
    setSelectedId(id);
    setFormKey((k) => k + 1);
  };

  const move = useCallback(
    (id: string, point: TPoint) =>
      setSaved((current) => {
        const next = { ...current, [id]: point };
        savePositions(workflowId, next);
        return next;
      }),
    [workflowId],
  );

  const addStep = (type: TStepType) => {
    const step = newStep(type, definition.steps, selectedId ? [selectedId] : []);
    const anchor = selectedId ? positions[selectedId] : undefined;
    if (anchor) move(step.id, { x: anchor.x, y: anchor.y + 150 });
    edit((d) => ({ ...d, steps: [...d.steps, step] }));
    select(step.id);
  };

  const changeStep = (id: string, next: TStep) => {
    edit((d) => replaceStep(d, id, next));
    if (next.id !== id) {
      // Follow a renamed step: it stays selected and keeps its place on the canvas.
      setSelectedId(next.id);
      const point = positions[id];
      if (point) move(next.id, point);
    }
  };

  const deleteStep = (id: string) => {
    edit((d) => removeStep(d, id));
    select(null);
  };

  const setErrors = (list: TStepError[]) =>
    setErrorsState(list.map((e) => ({ ...e, step: resolveStepLabel(e.step, definition.steps) })));

  const replaceAll = (next: TWorkflowDefinition) => {
    setDefinition(next);
    setDirty(false);
    setErrorsState([]);
    select(null);
  };

  return {
    definition,
    dirty,
    selectedId,
    selectedStep: definition.steps.find((s) => s.id === selectedId) ?? null,
    formKey,
    positions,
    errors: useMemo(() => errorsByStep(errors), [errors]),
    select,
    move,
    addStep,
    changeStep,
    deleteStep,
    connect: (from: string, to: string) => edit((d) => connect(d, from, to)),
    disconnect: (from: string, to: string) => edit((d) => disconnect(d, from, to)),
    setInputSchema: (input: Record<string, unknown> | undefined) =>
      edit((d) => {
        const { input: _old, ...rest } = d;
        return input ? { ...rest, input } : rest;
      }),
    setErrors,
    markSaved: () => {
      setDirty(false);
      setErrorsState([]);
    },
    replaceAll,
  };
}
export type TEditor = ReturnType<typeof useEditor>;
