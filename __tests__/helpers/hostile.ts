import type { Article } from '../../src/article';
import type { ArticleReport } from '../../src/report';

/** One hostile or odd input: a name for the benchmark table and the text. */
export interface HostileCase {
  readonly name: string;
  readonly text: string;
}

const SENTENCE = 'Israeli Defense Minister Benny Gantz met his Japanese counterpart in Tokyo on Tuesday, officials said. ';
const ARABIC = 'قال وزير الدفاع الإسرائيلي بيني غانتس إن «الاتفاق تاريخي» بعد لقائه نظيره الياباني في طوكيو. ';
const HEBREW = 'שר הביטחון בני גנץ אמר כי ״ההסכם היסטורי״ לאחר פגישתו עם עמיתו היפני בטוקיו. ';
const EMOJI = '👩‍👩‍👧‍👦 Families 🇮🇱🇯🇵 cheered 👍🏽 as Gantz said “we are 1️⃣ team 🤝” e\u0301te\u0301 co\u200dop\u200cer\u2060ation. ';
const BOILERPLATE = [
  'Home / News / World / Middle East',
  'Subscribe to our newsletter for the latest updates',
  'Share this article on Facebook Twitter WhatsApp',
  '© 2023 The Times of Israel. All rights reserved.',
  'Read more: Japan and Israel sign defense pact',
  'Advertisement',
];

/** Repeat `unit` until the text holds at least `length` characters. */
export function fill(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length)));
}

/** Lines of text joined by `\n`, adding up to about `length` characters. */
function paragraphs(unit: string, length: number, perLine = 4): string {
  const line = unit.repeat(perLine).trim();
  return fill(`${line}\n\n`, length);
}

/**
 * The hostile and odd texts of issue 8, sized by `size` (characters, about): long single lines,
 * thousands of unbalanced quotation marks, right-to-left scripts, emoji and joiners, CRLF, a BOM,
 * all boilerplate, all quotes. `article` is ordinary news text to scale up (the 10 MB case).
 */
export function hostileCases(size: number, article: string): HostileCase[] {
  const words = (n: number) => fill('word ', n * 5);
  return [
    { name: 'big article', text: fill(`${article.trim()}\n\n`, size) },
    { name: 'single long line', text: fill(SENTENCE, size) },
    { name: 'one huge token', text: `Gantz said ${'a'.repeat(size)} today.` },
    { name: 'unbalanced curly openers', text: fill('“word ', size) },
    { name: 'unbalanced curly closers', text: fill('word” ', size) },
    { name: 'unbalanced straight doubles', text: fill('"word ', size) },
    { name: 'unbalanced straight singles', text: fill("'word ", size) },
    { name: 'nested openers of every kind', text: fill('“a ‘b «c ‹d „e ‚f ', size) },
    { name: 'openers then one closer', text: `${fill('“a ‘b ', size)}end”.` },
    { name: 'quote marks only', text: fill('"\'“”‘’«»‹›„‚', size) },
    { name: 'apostrophes and decades', text: fill("Israel's '90s won't rock 'n' roll o'clock ", size) },
    { name: 'many short lines', text: fill('A line.\n', size) },
    { name: 'many blank lines', text: `Gantz spoke.${fill('\n \t\n', size)}Hamada answered.` },
    { name: 'arabic', text: paragraphs(ARABIC, size) },
    { name: 'hebrew', text: paragraphs(HEBREW, size) },
    { name: 'bidi controls', text: fill(`\u202bGantz ${ARABIC}\u202c \u2067${HEBREW}\u2069 \u200fok\u200e. `, size) },
    { name: 'emoji and joiners', text: paragraphs(EMOJI, size) },
    { name: 'lone surrogates', text: fill('Gantz \ud83d said \udc4d “yes\ud800”. ', size) },
    { name: 'control characters', text: fill('Gantz\u0001 met\u0008 Hamada\u000b in\u000c Tokyo\u001b. ', size) },
    { name: 'CRLF and odd line breaks', text: fill(`${SENTENCE}\r\n${SENTENCE}\r${SENTENCE}\u2028${SENTENCE}\u2029\r\n\r\n`, size) },
    { name: 'BOM at start and inside', text: `\uFEFF${fill(`${SENTENCE}\uFEFF\n`, size)}` },
    { name: 'all boilerplate', text: fill(`${BOILERPLATE.join('\n')}\n`, size) },
    { name: 'all quotes', text: fill('“We will ‘never’ accept this,” he said. “It is «historic».”\n', size) },
    { name: 'no spaces at all', text: fill('Gantz,met;Hamada.In-Tokyo!', size) },
    { name: 'words only', text: words(Math.ceil(size / 5)) },
  ];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1));
}

/**
 * Every offset problem in an article and its report, as readable strings (empty when all is
 * well): spans out of bounds or reversed, evidence that is not `text.slice(start, end)`, tokens
 * that are not their value, spans that split a surrogate pair.
 */
export function spanProblems(article: Article, report?: ArticleReport): string[] {
  const text = article.text;
  const problems: string[] = [];
  const say = (where: string, problem: string) => {
    if (problems.length < 20) problems.push(`${where}: ${problem}`);
  };
  const checkRange = (where: string, start: unknown, end: unknown): boolean => {
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
      say(where, `offsets ${String(start)}-${String(end)} are not integers`);
      return false;
    }
    if (start < 0 || end > text.length || start > end) {
      say(where, `span ${start}-${end} outside 0-${text.length} or reversed`);
      return false;
    }
    if (splitsPair(text, start) || splitsPair(text, end)) say(where, `span ${start}-${end} splits a surrogate pair`);
    return true;
  };
  article.tokens.forEach((token, index) => {
    if (checkRange(`token ${index}`, token.start, token.end) && text.slice(token.start, token.end) !== token.value) say(`token ${index}`, `value ${JSON.stringify(token.value)} is not its slice`);
    if (token.end === token.start) say(`token ${index}`, 'is empty');
  });
  article.sentences.forEach((sentence, index) => {
    checkRange(`sentence ${index}`, sentence.start, sentence.end);
    const block = article.blocks[sentence.block];
    if (!block || sentence.start < block.start || sentence.end > block.end) say(`sentence ${index}`, `not inside its block ${sentence.block}`);
  });
  article.blocks.forEach((block, index) => {
    if (checkRange(`block ${index}`, block.start, block.end) && block.end === block.start) say(`block ${index}`, 'is empty');
  });
  article.quotes.forEach((quote, index) => {
    checkRange(`quote ${index}`, quote.start, quote.end);
    if (!(quote.start <= quote.innerStart && quote.innerStart <= quote.innerEnd && quote.innerEnd <= quote.end)) say(`quote ${index}`, 'inner span not inside the outer span');
  });
  if (report) walk(report, 'report', (value, where) => {
    if (typeof value.start === 'number' && typeof value.end === 'number' && checkRange(where, value.start, value.end)) {
      if (typeof value.text === 'string' && value.text !== text.slice(value.start, value.end)) say(where, `evidence ${JSON.stringify(value.text.slice(0, 40))} is not text.slice(${value.start}, ${value.end})`);
    }
    for (const key of Object.keys(value)) {
      if (!key.endsWith('Start') || key === 'tokenStart') continue;
      const stem = key.slice(0, -'Start'.length);
      const start = value[key];
      const end = value[`${stem}End`];
      if (typeof start !== 'number' || typeof end !== 'number' || !checkRange(`${where}.${stem}`, start, end)) continue;
      const evidence = stem === 'inner' && value.analyzer === 'quote' ? value.quote : value[stem];
      if (typeof evidence === 'string' && evidence !== text.slice(start, end)) say(`${where}.${stem}`, `${JSON.stringify(evidence.slice(0, 40))} is not text.slice(${start}, ${end})`);
    }
  });
  return problems;
}

/** Visit every plain object inside a report (not the top-level text). */
function walk(value: unknown, where: string, visit: (value: Record<string, unknown>, where: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${where}[${index}]`, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  visit(record, where);
  for (const [key, child] of Object.entries(record)) if (key !== 'meta' && typeof child === 'object') walk(child, `${where}.${key}`, visit);
}
