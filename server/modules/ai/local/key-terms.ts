// Prompt analysis shared by the text, JSON and tool rules: key terms, the request's subject, sentences.
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does for from give have how i in into is it its me my of on or ' +
    'our please should so some tell than that the their them then there these this those to us was we what when ' +
    'where which who why will with would you your about make write create generate short long list summarize ' +
    'summarise summary outline explain describe tweet post bullet bullets points give need want help using use ' +
    'just also very much many more most need get let up out all any each one two three five ten'
  ).split(' '),
);

/** Lower-case words of the text, in order, apostrophes kept inside words. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_'-]*/gu) ?? []).map((w) =>
    w.replace(/['-]+$/, ''),
  );
}

/** Crude stem so "tools"/"tool", "weather's"/"weather" meet: drop possessive and a plural s. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * Up to `limit` key terms: non-stopwords of 3+ characters ranked by frequency, ties by first appearance.
 * Deterministic because both orderings are total.
 */
export function keyTerms(text: string, limit = 5): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  words(text).forEach((word, index) => {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) return;
    const seen = counts.get(word);
    if (seen) seen.count += 1;
    else counts.set(word, { count: 1, first: index });
  });
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([word]) => word);
}

/**
 * What the request is about: the phrase after "about"/"on"/"for"/"regarding" up to punctuation, else the key
 * terms joined, else the whole request trimmed.
 */
export function subjectOf(text: string): string {
  const match = /\b(?:about|regarding|on|for|of)\s+([^.,;:!?\n]+)/i.exec(text);
  const phrase = match?.[1]?.trim();
  if (phrase) return phrase.split(/\s+/).slice(0, 8).join(' ');
  const terms = keyTerms(text, 3);
  if (terms.length > 0) return terms.join(' ');
  return text.trim().slice(0, 60) || 'your request';
}

/** Sentences of the text, trimmed, empty ones dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function titleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}'-]*/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));
}

/** A capitalised place name after "in/at/near/from/to" ("weather in New York?" → "New York"), else the subject. */
export function placeOf(text: string): string {
  const match = /\b(?:in|at|near|from|to)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)/u.exec(text);
  return match?.[1] ?? subjectOf(text);
}
