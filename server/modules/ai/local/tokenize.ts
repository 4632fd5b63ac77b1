// The local model's tokenizer, also used for budget estimates. Rule (documented, deterministic): a token is a run
// of letters/digits/underscore/apostrophe, or one other non-space character; leading whitespace belongs to the
// token after it. So "Hi, you!" → ["Hi", ",", " you", "!"] = 4 tokens. Real BPE tokenizers differ, but this count
// sits in the same range for English text (≈ 1.3 tokens per word) and never needs a vocabulary file.
const PIECE = /\s*[\p{L}\p{N}_']+|\s*[^\s\p{L}\p{N}_']|\s+$/gu;

/** Splits text into pieces whose concatenation is exactly `text` (a trailing whitespace run is its own piece). */
export function tokenize(text: string): string[] {
  return text.match(PIECE) ?? [];
}

/** Number of tokens in `text` by the local tokenizer (whitespace-only pieces do not count). */
export function countTokens(text: string): number {
  let count = 0;
  for (const piece of tokenize(text)) if (piece.trim() !== '') count += 1;
  return count;
}

/** The first `max` tokens of `text`, and whether anything was cut. */
export function truncateTokens(text: string, max: number): { text: string; truncated: boolean } {
  const pieces = tokenize(text);
  let kept = '';
  let count = 0;
  for (const piece of pieces) {
    if (piece.trim() === '') continue;
    if (count === max) return { text: kept, truncated: true };
    kept += piece;
    count += 1;
  }
  return { text: kept, truncated: false };
}
