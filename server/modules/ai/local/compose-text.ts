// The local engine's text rules. It is a deterministic text engine, not an LLM: it picks a form from words in the
// request and fills it with the request's own subject, key terms and sentences. Rules, first match wins:
//   tool results present   → reports each tool's result (the follow-up answer after a tool call)
//   "tweet"/"post"         → one line under 280 characters mentioning the subject, key terms as hashtags
//   "summar…"/"tl;dr"      → extractive summary: the first two sentences of the material, then key terms
//   "outline"/"plan"/"steps" → numbered outline: introduction, one section per key term, conclusion
//   "list"/"bullet"/"ideas"  → bullet list, one item per key term
//   anything else          → restates the request, lists its key terms, and a next-step suggestion
import { keyTerms, sentences, subjectOf, titleCase } from './key-terms.ts';
import type { TPromptView } from './read-prompt.ts';

const NOTE = '(FlashFusion local engine: deterministic rules, not an LLM.)';

function tweet(request: string, terms: string[]): string {
  const subject = subjectOf(request);
  const tags = terms
    .slice(0, 3)
    .map((t) => `#${t.replace(/[^\p{L}\p{N}]/gu, '')}`)
    .join(' ');
  const line = `${titleCase(subject)}: worth a closer look today. ${tags}`.trim();
  return line.length <= 280 ? line : `${line.slice(0, 277)}...`;
}

function summary(request: string, terms: string[]): string {
  // The material is what follows the instruction line (or a colon); summarise that, not the instruction.
  const colon = request.indexOf(':');
  const material = colon >= 0 && colon < 80 ? request.slice(colon + 1) : request;
  const picked = sentences(material).slice(0, 2).join(' ') || material.trim();
  return `Summary ${NOTE}\n${picked}\nKey terms: ${terms.join(', ') || 'none found'}.`;
}

function outline(request: string, terms: string[]): string {
  const subject = titleCase(subjectOf(request));
  const sections = [
    `Introduction to ${subject}`,
    ...terms.map((t) => titleCase(t)),
    'Conclusion and next steps',
  ];
  return [`Outline: ${subject} ${NOTE}`, ...sections.map((s, i) => `${i + 1}. ${s}`)].join('\n');
}

function bullets(request: string, terms: string[]): string {
  const subject = subjectOf(request);
  const items = terms.length > 0 ? terms : [subject];
  return [`${titleCase(subject)} ${NOTE}`, ...items.map((t) => `- ${titleCase(t)}`)].join('\n');
}

function restate(request: string, terms: string[], view: TPromptView): string {
  const lines = [
    `You asked: "${request.trim()}" ${NOTE}`,
    `Subject: ${subjectOf(request)}.`,
    `Key terms: ${terms.join(', ') || 'none found'}.`,
  ];
  if (view.hasFiles) lines.push('Attached files were not read: the local engine reads text only.');
  lines.push('Connect an AI provider in Settings for a generated answer.');
  return lines.join('\n');
}

/** The deterministic text answer for a prompt. */
export function composeText(view: TPromptView): string {
  if (view.toolResults.length > 0) {
    const parts = view.toolResults.map((r) => `${r.toolName} returned: ${r.text}`);
    return `Based on the tool results: ${parts.join('; ')}.`;
  }
  const request = view.request.trim() || view.system.trim();
  if (request === '') return `There is no request to answer. ${NOTE}`;
  const lower = request.toLowerCase();
  const terms = keyTerms(request);
  if (/\btweet|\bpost\b/.test(lower)) return tweet(request, terms);
  if (/\bsummar|\btl;?dr/.test(lower)) return summary(request, terms);
  if (/\boutline|\bplan\b|\bsteps\b/.test(lower)) return outline(request, terms);
  if (/\blist\b|\bbullet|\bideas\b/.test(lower)) return bullets(request, terms);
  return restate(request, terms, view);
}
