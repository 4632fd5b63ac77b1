import { describe, expect, it } from 'vitest';
import { canonicalJson, combineByConsensus, combineByVote, jaccard, normalise } from './combine-answers.ts';

const t = (model: string, text: string) => ({ model, text });
const o = (model: string, object: unknown) => ({ model, text: JSON.stringify(object), object });

describe('combineByVote', () => {
  it.each([
    ['majority of normalised text', [t('a', 'Paris.'), t('b', '  paris '), t('c', 'Lyon')], 'a', 2 / 3],
    ['unanimous', [t('a', 'Yes'), t('b', 'yes!')], 'a', 1],
    ['tie: earliest group wins', [t('a', 'x'), t('b', 'y')], 'a', 0.5],
    ['later majority beats earlier single', [t('a', 'x'), t('b', 'y'), t('c', 'Y')], 'b', 2 / 3],
    [
      'JSON compared canonically',
      [o('a', { x: 1, y: 2 }), o('b', { y: 2, x: 1 }), o('c', { x: 2 })],
      'a',
      2 / 3,
    ],
  ])('%s', (_name, answers, winner, confidence) => {
    const r = combineByVote(answers);
    expect(r?.winner.model).toBe(winner);
    expect(r?.confidence).toBeCloseTo(confidence, 5);
  });

  it('answers null with no answers', () => {
    expect(combineByVote([])).toBeNull();
    expect(combineByConsensus([])).toBeNull();
  });
});

describe('combineByConsensus', () => {
  it('picks the answer closest to all others', () => {
    const r = combineByConsensus([
      t('a', 'the cat sat on the mat'),
      t('b', 'a cat sat on a mat'),
      t('c', 'dogs bark loudly'),
      t('d', 'the cat sat on a mat'),
    ]);
    expect(r?.winner.model).toBe('d');
    expect(r?.confidence).toBeGreaterThan(0.4);
    expect(r?.confidence).toBeLessThan(1);
  });

  it.each([
    ['identical answers agree fully', [t('a', 'same words'), t('b', 'Same  words.')], 1],
    ['disjoint answers do not agree', [t('a', 'alpha beta'), t('b', 'gamma delta')], 0],
    ['a single answer is its own consensus', [t('a', 'alone')], 1],
  ])('%s', (_name, answers, confidence) => {
    expect(combineByConsensus(answers)?.confidence).toBe(confidence);
  });
});

describe('helpers', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
  it('normalises case, spaces and surrounding punctuation', () => {
    expect(normalise(t('a', '  "Hello   World!" '))).toBe('hello world');
  });
  it('jaccard', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 5);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});
