import {
  Background,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import type { TStepStatus } from '../api.ts';
import type { TStep, TStepError } from '../definition.ts';
import type { TPoint } from '../layout.ts';
import { StepNode, type TStepNode } from './step-node.tsx';

const NODE_TYPES = { step: StepNode };
const NO_ERRORS: readonly TStepError[] = [];

type TFlowCanvasProps = {
  label: string;
  steps: readonly TStep[];
  positions: Record<string, TPoint>;
  editable: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  errors?: ReadonlyMap<string, TStepError[]>;
  statuses?: ReadonlyMap<string, TStepStatus>;
  liveText?: ReadonlyMap<string, string>;
  onMove?: (id: string, point: TPoint) => void;
  onConnect?: (from: string, to: string) => void;
  onDisconnect?: (from: string, to: string) => void;
};

/** Re-fits the view when steps are added or removed, so a new step never lands outside the visible area. */
function FitOnCountChange({ count }: { count: number }) {
  const flow = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `count` is the trigger; the effect does not read it.
  useEffect(() => {
    // After React Flow measured the new node; a frame later is enough.
    const frame = requestAnimationFrame(() => void flow.fitView({ maxZoom: 1.1, duration: 150 }));
    return () => cancelAnimationFrame(frame);
  }, [count, flow]);
  return null;
}

/** The edges a definition implies: dependencies (editable), condition branches and fallbacks (drawn only). */
function edgesOf(steps: readonly TStep[], editable: boolean): Edge[] {
  const ids = new Set(steps.map((s) => s.id));
  const edges: Edge[] = [];
  const arrow = { type: MarkerType.ArrowClosed };
  for (const s of steps) {
    for (const d of s.dependsOn ?? []) {
      if (!ids.has(d)) continue;
      edges.push({
        id: `dep:${d}->${s.id}`,
        source: d,
        target: s.id,
        markerEnd: arrow,
        deletable: editable,
        ariaLabel: `${s.id} depends on ${d}`,
      });
    }
    if (s.type === 'condition') {
      for (const [branch, list] of [
        ['then', s.then],
        ['else', s.else],
      ] as const) {
        for (const t of list ?? []) {
          if (!ids.has(t)) continue;
          edges.push({
            id: `${branch}:${s.id}->${t}`,
            source: s.id,
            target: t,
            label: branch,
            markerEnd: arrow,
            deletable: false,
            className: 'edge--branch',
          });
        }
      }
    }
    if (typeof s.onError === 'object' && ids.has(s.onError.fallback)) {
      edges.push({
        id: `fallback:${s.id}->${s.onError.fallback}`,
        source: s.id,
        target: s.onError.fallback,
        label: 'on error',
        markerEnd: arrow,
        deletable: false,
        className: 'edge--fallback',
      });
    }
  }
  return edges;
}

/**
 * The workflow graph on @xyflow/react: drag to move, drag from a step's bottom handle to another's top to
 * make it a dependency, select an edge and press Backspace to remove it. Every one of these also has a form
 * control in the side panel, so the canvas is never the only way to edit.
 */
export function FlowCanvas(props: TFlowCanvasProps) {
  const { steps, positions, editable, selectedId, errors, statuses, liveText } = props;
  const nodes = useMemo<TStepNode[]>(
    () =>
      steps.map((step) => ({
        id: step.id,
        type: 'step',
        position: positions[step.id] ?? { x: 0, y: 0 },
        selected: step.id === selectedId,
        deletable: false,
        draggable: true,
        connectable: editable,
        ariaLabel: `Step ${step.id}, ${step.type}${statuses?.get(step.id) ? `, ${statuses.get(step.id)}` : ''}`,
        data: {
          step,
          editable,
          errors: errors?.get(step.id) ?? NO_ERRORS,
          status: statuses?.get(step.id),
          liveText: liveText?.get(step.id),
        },
      })),
    [steps, positions, selectedId, editable, errors, statuses, liveText],
  );
  const edges = useMemo(() => edgesOf(steps, editable), [steps, editable]);

  const onNodesChange = (changes: NodeChange<TStepNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position) props.onMove?.(change.id, change.position);
      if (change.type === 'select' && change.selected) props.onSelect(change.id);
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes) {
      if (change.type !== 'remove' || !change.id.startsWith('dep:')) continue;
      const [from, to] = change.id.slice('dep:'.length).split('->');
      if (from && to) props.onDisconnect?.(from, to);
    }
  };

  return (
    <section className="flow-canvas" aria-label={props.label}>
      <ReactFlow<TStepNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(c) => c.source && c.target && props.onConnect?.(c.source, c.target)}
        onPaneClick={() => props.onSelect(null)}
        nodesConnectable={editable}
        edgesFocusable={editable}
        elementsSelectable
        fitView
        fitViewOptions={{ maxZoom: 1.1 }}
        minZoom={0.2}
      >
        <FitOnCountChange count={steps.length} />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}
