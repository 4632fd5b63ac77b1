// How an ensemble step turns several models' answers into one (the overview's model chain, "ensemble result
// combination"). Pure functions, so the rules can be read and tested apart from any model.
//
// vote:      answers are grouped by their normalised form (JSON: canonical key order; text: lower case, single
//            spaces, no surrounding punctuation); the largest group wins (ties: the group whose first answer came
//            first in the step's model order). confidence = group size / number of valid answers.
// consensus: for each answer, its mean similarity to every other valid answer (token Jaccard: |A∩B| / |A∪B|
//            over lower-case word tokens; JSON answers are compared by their canonical text); the answer with
//            the highest mean wins (ties: earlier model). confidence = that mean (1 when only one answer).

export interface TAnswer {
  model: string;
  text: string;
  object?: unknown;
}

export interface TCombined {
  winner: TAnswer;
  confidence: number;
}

/** JSON with object keys sorted at every level, so equal values have equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function normalise(answer: TAnswer): string {
  if (answer.object !== undefined) return canonicalJson(answer.object);
  return answer.text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'`.,;:!?]+|[\s"'`.,;:!?]+$/g, '');
}

function tokens(answer: TAnswer): Set<string> {
  return new Set(normalise(answer).match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

export function combineByVote(answers: TAnswer[]): TCombined | null {
  const groups = new Map<string, TAnswer[]>();
  for (const a of answers) {
    const key = normalise(a);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  let best: TAnswer[] | null = null;
  // Map keeps insertion order, so on equal size the group seen first (earlier model) stays.
  for (const group of groups.values()) if (!best || group.length > best.length) best = group;
  const winner = best?.[0];
  return winner && best ? { winner, confidence: best.length / answers.length } : null;
}

export function combineByConsensus(answers: TAnswer[]): TCombined | null {
  const first = answers[0];
  if (!first) return null;
  if (answers.length === 1) return { winner: first, confidence: 1 };
  const sets = answers.map(tokens);
  let best: TCombined = { winner: first, confidence: -1 };
  answers.forEach((answer, i) => {
    let sum = 0;
    sets.forEach((other, j) => {
      if (i !== j) sum += jaccard(sets[i] as Set<string>, other);
    });
    const mean = sum / (answers.length - 1);
    if (mean > best.confidence) best = { winner: answer, confidence: mean };
  });
  return best;
}
