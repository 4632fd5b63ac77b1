import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, tokenize, truncateTokens } from './tokenize.ts';

describe('local tokenizer', () => {
  it('splits words and punctuation, leading space kept with the next token', () => {
    expect(tokenize('Hi, you!')).toEqual(['Hi', ',', ' you', '!']);
    expect(countTokens('Hi, you!')).toBe(4);
    expect(countTokens('')).toBe(0);
    expect(countTokens('   ')).toBe(0);
  });

  it('pieces always concatenate back to the exact text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(tokenize(text).join('')).toBe(text);
      }),
    );
  });

  it('truncates to exactly max tokens and reports the cut', () => {
    expect(truncateTokens('one two three four', 2)).toEqual({ text: 'one two', truncated: true });
    expect(truncateTokens('one two', 2)).toEqual({ text: 'one two', truncated: false });
    fc.assert(
      fc.property(fc.lorem({ maxCount: 40 }), fc.nat(30), (text, max) => {
        const { text: cut, truncated } = truncateTokens(text, max);
        expect(countTokens(cut)).toBe(Math.min(max, countTokens(text)));
        expect(truncated).toBe(countTokens(text) > max);
      }),
    );
  });
});
