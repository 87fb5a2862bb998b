import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findLines } from '../../src/article';
import { analyzeStories, type StoryInput } from '../../src/analyze';
import { compareStory } from '../../src/compare';
import { readArticle } from '../../src/article';
import { ANALYZER_IDS, type AnalyzerId, type Finding } from '../../src/findings';
import type { ArticleReport, FramelensReport, StoryReport } from '../../src/report';
import { CORPUS_DIR } from '../helpers/corpus';

/** The seed story as the CLI reads corpus/. */
export function seedStory(): StoryInput {
  const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort();
  return { id: 'corpus', articles: files.map((name) => ({ text: readFileSync(join(CORPUS_DIR, name), 'utf8'), meta: { id: name.replace(/\.txt$/, ''), path: `corpus/${name}` } })) };
}

let seed: FramelensReport | undefined;

/** The analysed seed story (analysed once per test file). */
export function seedReport(): FramelensReport {
  seed ??= analyzeStories([seedStory()]);
  return seed;
}

/** Article text with markup that must come out as text, and a table pipe and Markdown marks. */
export const HOSTILE_TEXT = [
  'Officials <script>alert(1)</script> "welcome" the deal',
  'The minister claimed the <img src=x onerror=alert(1)> regime\'s \'victory\' | was *historic* [link](javascript:alert(1)).',
  'Read more: </mark></p><style>body{display:none}</style> & more',
].join('\n');

const zero = (): Record<AnalyzerId, number> => Object.fromEntries(ANALYZER_IDS.map((id) => [id, 0])) as Record<AnalyzerId, number>;

/** The span of the n-th (0-based) occurrence of `needle`. */
export function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" not in the text`);
  }
  return { start: at, end: at + needle.length };
}

type FindingFields<F> = F extends Finding ? Omit<F, 'rule' | 'start' | 'end' | 'text' | 'sentence' | 'block' | 'boilerplate'> & { readonly rule?: string } : never;

/** A finding over [start, end) of `text`, for renderer tests: renderers only read what findings say. */
export function findingAt(text: string, span: { start: number; end: number }, fields: FindingFields<Finding>, boilerplate = false): Finding {
  const block = findLines(text).findIndex((line) => span.start >= line.start && span.start < line.end);
  return { rule: 'test', ...fields, start: span.start, end: span.end, text: text.slice(span.start, span.end), sentence: -1, block, boilerplate } as Finding;
}

/** An article report with the given findings and no analysis: blocks are lines, the last one boilerplate. */
export function articleWith(id: string, text: string, findings: readonly Finding[], meta: ArticleReport['meta'] = {}): ArticleReport {
  const lines = findLines(text);
  const counts = zero();
  for (const finding of findings) if (!finding.boilerplate) counts[finding.analyzer]++;
  const scores = zero();
  for (const id of ANALYZER_IDS) scores[id] = counts[id] * 100;
  return {
    id,
    meta: { ...meta, id },
    text,
    blocks: lines.map((line, index) => ({ index, ...line, role: index === 0 ? 'headline' : index === lines.length - 1 && lines.length > 2 ? 'boilerplate' : 'body', ...(index === lines.length - 1 && lines.length > 2 ? { kind: 'promotion' as const } : {}) })),
    findings: [...findings].sort((a, b) => a.start - b.start || a.end - b.end),
    actors: [],
    tone: { score: 0, comparative: 0, words: 0, sentences: [], actors: [] },
    bodyTokens: 10,
    counts,
    scores,
  };
}

/** The hostile article with overlapping findings of several analyzers, one of them in boilerplate. */
export function hostileArticle(): ArticleReport {
  const text = HOSTILE_TEXT;
  const findings: Finding[] = [
    findingAt(text, spanOf(text, '"welcome"'), { analyzer: 'scare-quote', term: 'welcome', mark: 'double' }),
    findingAt(text, spanOf(text, 'claimed'), { analyzer: 'attribution', verb: 'claim', stance: 'doubt' }),
    findingAt(text, spanOf(text, "<img src=x onerror=alert(1)> regime's 'victory'"), { analyzer: 'quote', quote: 'x', innerStart: 0, innerEnd: 0, partial: true }),
    findingAt(text, spanOf(text, "regime's"), { analyzer: 'label', label: 'regime', family: 'regime', alternative: 'government <b>x</b>' }),
    findingAt(text, spanOf(text, "'victory'"), { analyzer: 'scare-quote', term: 'victory', mark: 'single' }),
    findingAt(text, spanOf(text, 'victory'), { analyzer: 'loaded-language', term: 'victory', category: 'emotive' }),
    findingAt(text, spanOf(text, '<script>alert(1)</script>'), { analyzer: 'hedge', term: '<script>alert(1)</script>', category: 'hedge' }),
    findingAt(text, spanOf(text, '</mark></p><style>'), { analyzer: 'credit', source: '<style>', kind: 'read-more' }, true),
  ];
  return articleWith('hostile <img src=x onerror=alert(1)>', text, findings, { outlet: '<script>alert("outlet")</script>', title: 'Title | with <b>markup</b>' });
}

/** A story of the hostile article and a plain one, compared for real. */
export function hostileStory(): StoryReport {
  const hostile = hostileArticle();
  const plainText = 'Officials welcome the deal\nThe minister said the government won a victory.\nIt was historic, officials said.';
  const plain = articleWith('plain', plainText, []);
  const items = [hostile, plain].map((report) => ({ article: readArticle(report.text, { id: report.id }), report }));
  return { id: 'hostile <script>alert("story")</script>', articles: [hostile, plain], failures: [{ code: 'empty-text', message: '<b>x</b>: the article has no text', input: '<b>x</b>' }], comparison: compareStory(items) };
}

/** A report of the hostile story. */
export function hostileReport(): FramelensReport {
  return { schemaVersion: 1, stories: [hostileStory()], failures: [{ code: 'unreadable-path', message: 'missing|file <script>', input: 'missing' }] };
}

/** Undo `escapeHtml` (and numeric references) for comparing rendered text with the source. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

/** The tags of an HTML string that are not properly nested, or [] (void elements excepted). */
export function unbalancedTags(html: string): string[] {
  const VOID = new Set(['br', 'meta', 'hr', 'img', 'input', 'link', 'wbr']);
  const stack: string[] = [];
  const problems: string[] = [];
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '');
  for (const match of withoutStyle.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack[stack.length - 1] === name) stack.pop();
    else problems.push(`</${name}> at ${match.index} closes <${stack[stack.length - 1] ?? 'nothing'}>`);
  }
  return [...problems, ...stack.map((name) => `<${name}> never closed`)];
}
