import type { Article } from '../article';
import type { ArticleReport } from '../report';
import { diffWords, type DiffRun } from './diff';
import { compareText, readWords, round4, type ComparedText } from './terms';

/** One article's rendering of a quoted statement. */
export interface QuoteRendering {
  readonly article: string;
  /** Index into the article report's `findings` when a quote finding gave the quotation. */
  readonly finding?: number;
  /** Index into `article.quotes` when the quotation comes from the quotation marks alone. */
  readonly span?: number;
  /** The quoted words without their marks: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The speaker's actor id, or the speaker as written, when the text names one. */
  readonly speaker?: string;
  /** Overlap of content words with the group's reference rendering (1 for the reference itself). */
  readonly similarity: number;
  /** Word-level difference from the reference rendering (empty for the reference itself). */
  readonly diff: readonly DiffRun[];
}

/** A statement quoted by two or more articles. */
export interface QuoteGroup {
  readonly id: number;
  readonly articles: readonly string[];
  /** Renderings in article order, then text order. */
  readonly renderings: readonly QuoteRendering[];
  /** Index in `renderings` of the fullest rendering (most content words), which the others are diffed against. */
  readonly reference: number;
}

/** Whom an article quotes and how much. */
export interface SpeakerShare {
  /** Actor id or speaker as written; `null` for quotations with no named speaker. */
  readonly speaker: string | null;
  readonly quotes: number;
  readonly words: number;
}

export interface ArticleQuoting {
  readonly article: string;
  /** Where the quotations came from: quote findings, or quotation marks when there are none. */
  readonly source: 'findings' | 'quotation-marks';
  readonly quotes: number;
  readonly quotedWords: number;
  readonly bodyWords: number;
  /** Quoted words over body words. */
  readonly share: number;
  readonly speakers: readonly SpeakerShare[];
}

export interface QuotesSection {
  readonly groups: readonly QuoteGroup[];
  readonly articles: readonly ArticleQuoting[];
}

export interface CompareQuotesOptions {
  /** Least overlap coefficient of content words for two quotations to be one statement (default 0.6). */
  readonly threshold?: number;
  /** Least number of shared content words (default 3). */
  readonly minShared?: number;
  /** Quotation-mark spans shorter than this many words are not counted as quotations (default 3). */
  readonly minWords?: number;
  /** Content words seen in more quotations than this do not propose candidates (default 200). */
  readonly maxPostings?: number;
}

export const DEFAULT_QUOTES_OPTIONS: Readonly<Required<CompareQuotesOptions>> = Object.freeze({ threshold: 0.6, minShared: 3, minWords: 3, maxPostings: 200 });

interface QuoteUnit {
  readonly article: number;
  readonly finding: number | undefined;
  readonly span: number | undefined;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | undefined;
  readonly words: number;
  readonly stems: ReadonlySet<string>;
}

function quoteUnits(article: Article, report: ArticleReport, index: number, minWords: number): { units: QuoteUnit[]; source: ArticleQuoting['source'] } {
  const units: QuoteUnit[] = [];
  const make = (start: number, end: number, finding: number | undefined, span: number | undefined, speaker: string | undefined): QuoteUnit => {
    const { words, stems } = readWords(article.text.slice(start, end));
    return { article: index, finding, span, start, end, speaker, words, stems: new Set(stems) };
  };
  report.findings.forEach((finding, findingIndex) => {
    if (finding.analyzer !== 'quote' || finding.boilerplate) return;
    units.push(make(finding.innerStart, finding.innerEnd, findingIndex, undefined, finding.actor ?? finding.speaker));
  });
  if (units.length > 0) return { units, source: 'findings' };
  // No quote findings: fall back to outermost quotation marks, leaving out scare quotes and
  // spans too short to be speech.
  const scare = new Set<number>();
  for (const finding of report.findings) if (finding.analyzer === 'scare-quote') scare.add(finding.start);
  for (const quote of article.quotes) {
    if (quote.depth !== 0 || article.blocks[quote.block]!.role === 'boilerplate' || scare.has(quote.start)) continue;
    const unit = make(quote.innerStart, quote.innerEnd, undefined, quote.index, undefined);
    if (unit.words >= minWords) units.push(unit);
  }
  return { units, source: 'quotation-marks' };
}

/**
 * The overlap coefficient |A ∩ B| / min(|A|, |B|) and the size of the intersection.
 *
 * @example
 * overlap(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'c', 'd'])); // { shared: 3, score: 1 }
 */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { readonly shared: number; readonly score: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return { shared, score: small.size > 0 ? shared / small.size : 0 };
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Align the quotations of a story: the same statement quoted by several articles falls in one
 * group, each rendering with its word-level difference from the first; and per article, whom it
 * quotes and how much. Pairs are proposed through an inverted index of content words and only
 * across articles, so the work follows the number of shared words, not the square of the text.
 *
 * @example
 * compareQuotes(items, texts).groups[0].renderings.map((r) => r.text);
 */
export function compareQuotes(
  items: readonly { readonly article: Article; readonly report: ArticleReport }[],
  texts: readonly ComparedText[],
  options: CompareQuotesOptions = {},
): QuotesSection {
  const { threshold, minShared, minWords, maxPostings } = { ...DEFAULT_QUOTES_OPTIONS, ...options };
  const perArticle = items.map(({ article, report }, index) => quoteUnits(article, report, index, minWords));
  const units = perArticle.flatMap((entry) => entry.units);

  const postings = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const stem of unit.stems) {
      let list = postings.get(stem);
      if (!list) postings.set(stem, (list = []));
      list.push(index);
    }
  });
  const parent = units.map((_, index) => index);
  units.forEach((unit, index) => {
    const seen = new Set<number>();
    for (const stem of unit.stems) {
      const list = postings.get(stem)!;
      if (list.length > maxPostings) continue;
      for (const other of list) {
        if (other <= index || seen.has(other) || units[other]!.article === unit.article) continue;
        seen.add(other);
        const { shared, score } = overlap(unit.stems, units[other]!.stems);
        if (shared >= minShared && score >= threshold) parent[find(parent, other)] = find(parent, index);
      }
    }
  });

  const members = new Map<number, number[]>();
  units.forEach((_, index) => {
    const root = find(parent, index);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  });
  const groups = [...members.values()]
    .filter((list) => new Set(list.map((index) => units[index]!.article)).size >= 2)
    .map((list) => list.sort((a, b) => units[a]!.article - units[b]!.article || units[a]!.start - units[b]!.start))
    .sort((a, b) => units[a[0]!]!.article - units[b[0]!]!.article || units[a[0]!]!.start - units[b[0]!]!.start)
    .map((list, id): QuoteGroup => {
      let reference = 0;
      list.forEach((index, position) => {
        if (units[index]!.stems.size > units[list[reference]!]!.stems.size) reference = position;
      });
      const base = units[list[reference]!]!;
      const baseText = items[base.article]!.article.text.slice(base.start, base.end);
      const renderings = list.map((index): QuoteRendering => {
        const unit = units[index]!;
        const text = items[unit.article]!.article.text.slice(unit.start, unit.end);
        return {
          article: items[unit.article]!.article.id,
          ...(unit.finding !== undefined ? { finding: unit.finding } : {}),
          ...(unit.span !== undefined ? { span: unit.span } : {}),
          start: unit.start,
          end: unit.end,
          text,
          ...(unit.speaker !== undefined ? { speaker: unit.speaker } : {}),
          similarity: unit === base ? 1 : round4(overlap(base.stems, unit.stems).score),
          diff: unit === base ? [] : diffWords(baseText, text),
        };
      });
      const articles = [...new Set(renderings.map((rendering) => rendering.article))];
      return { id, articles, renderings, reference };
    });

  const articles = items.map(({ article }, index): ArticleQuoting => {
    const { units: own, source } = perArticle[index]!;
    const bySpeaker = new Map<string | null, { quotes: number; words: number }>();
    let quotedWords = 0;
    for (const unit of own) {
      const key = unit.speaker ?? null;
      const entry = bySpeaker.get(key) ?? { quotes: 0, words: 0 };
      entry.quotes++;
      entry.words += unit.words;
      bySpeaker.set(key, entry);
      quotedWords += unit.words;
    }
    const speakers = [...bySpeaker.entries()]
      .map(([speaker, entry]) => ({ speaker, ...entry }))
      .sort((a, b) => b.words - a.words || b.quotes - a.quotes || compareText(a.speaker ?? '', b.speaker ?? ''));
    const bodyWords = texts[index]!.words;
    return { article: article.id, source, quotes: own.length, quotedWords, bodyWords, share: bodyWords > 0 ? round4(quotedWords / bodyWords) : 0, speakers };
  });
  return { groups, articles };
}
