import type { Article } from '../article';
import type { ArticleReport } from '../report';
import { compareCoverage, type ArticleCoverage, type CompareCoverageOptions } from './coverage';
import { compareDistinctive, type ArticleDistinctiveTerms, type CompareDistinctiveOptions } from './distinctive';
import { compareEvent, type CompareEventOptions, type EventSection } from './event';
import { compareMetrics, type CompareMetricsOptions, type MetricRow } from './metrics';
import { compareNaming, type ActorNaming } from './naming';
import { compareQuotes, type CompareQuotesOptions, type QuotesSection } from './quotes';
import { compareSimilarity, type SimilaritySection } from './similarity';
import { summarize, type ArticleSummary, type SummarizeOptions } from './summary';
import { prepareText } from './terms';
import { describeType, FramelensError } from '../errors';
import { checkComparedArticle, checkKnownKeys, expectArray, isRecord } from '../inputs';

/** Version of the comparison's shape; raised on any breaking change. */
export const COMPARISON_SCHEMA_VERSION = 1;

/** One article to compare: its parsed text and its analysis. */
export interface ComparedArticle {
  readonly article: Article;
  readonly report: ArticleReport;
}

/**
 * How the articles of one story differ, section by section. A plain JSON value: the same input
 * gives the same output, floats are rounded to four decimals and every list has a stable order.
 */
export interface StoryComparison {
  readonly schemaVersion: number;
  /** Article ids in input order. */
  readonly articles: readonly string[];
  /** Per article, what most sets its framing apart: the summary a reader sees first. */
  readonly summary: readonly ArticleSummary[];
  /** Per actor named by two or more articles: names, titles, labels and scare quotes, divergences flagged. */
  readonly naming: readonly ActorNaming[];
  /** How each article names the event itself. */
  readonly event: EventSection;
  /** The same statement quoted by several articles, and whom each article quotes. */
  readonly quotes: QuotesSection;
  /** Scores per analyzer and tone beside the story median, with robust outliers. */
  readonly metrics: readonly MetricRow[];
  /** Per article, the words and phrases it uses far more than the rest. */
  readonly distinctive: readonly ArticleDistinctiveTerms[];
  /** Per article, which statements the others also make and which only it makes. */
  readonly coverage: readonly ArticleCoverage[];
  /** Pairwise similarity of the articles' bodies. */
  readonly similarity: SimilaritySection;
}

export interface CompareStoryOptions {
  readonly event?: CompareEventOptions;
  readonly quotes?: CompareQuotesOptions;
  readonly metrics?: CompareMetricsOptions;
  readonly distinctive?: CompareDistinctiveOptions;
  readonly coverage?: CompareCoverageOptions;
  readonly summary?: SummarizeOptions;
}

/**
 * Compare the articles of a story. Only headline and body text and non-boilerplate findings feed
 * the comparison.
 *
 * @example
 * const comparison = compareStory(articles.map((article) => ({ article, report: analyzeArticle(article) })));
 * comparison.summary[0].items[0];
 */
export function compareStory(items: readonly ComparedArticle[], options: CompareStoryOptions = {}): StoryComparison {
  checkCompareStoryItems(items);
  checkCompareStoryOptions(options);
  return compareCheckedItems(items, options);
}

/**
 * `compareStory` for items and options already checked (`assembleStory` checks each item and
 * sets repeated ids apart as it assembles): the checks are not run twice.
 *
 * @example
 * const items = articles.map((article) => ({ article, report: analyzeArticle(article) }));
 * compareCheckedItems(items); // equal to compareStory(items)
 */
export function compareCheckedItems(items: readonly ComparedArticle[], options: CompareStoryOptions = {}): StoryComparison {
  const texts = items.map(({ article }) => prepareText(article));
  const articles = items.map(({ report }) => report.id);
  const naming = compareNaming(items);
  const event = compareEvent(items.map(({ article }) => article), options.event);
  const quotes = compareQuotes(items, texts, options.quotes);
  const metrics = compareMetrics(items, options.metrics);
  const distinctive = compareDistinctive(texts, options.distinctive);
  const coverage = compareCoverage(texts, options.coverage);
  const similarity = compareSimilarity(texts);
  const summary = summarize(
    { articles, naming, event, quotes, metrics, distinctive, coverage, similarity },
    { ...(options.metrics?.outlierThreshold !== undefined ? { outlierThreshold: options.metrics.outlierThreshold } : {}), ...options.summary },
  );
  return { schemaVersion: COMPARISON_SCHEMA_VERSION, articles, summary, naming, event, quotes, metrics, distinctive, coverage, similarity };
}

/** Articles to compare from a JavaScript caller: `{article, report}` each, no holes, unique ids. */
function checkCompareStoryItems(items: unknown): asserts items is readonly ComparedArticle[] {
  expectArray(items, 'items');
  const firstAt = new Map<string, number>();
  // An index loop: a hole is an item that is not {article, report}, not one skipped.
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    checkComparedArticle(item, `items[${index}]`);
    const id = item.report.id;
    const first = firstAt.get(id);
    // Every section is keyed by article id: a repeated id would merge two articles into one.
    if (first !== undefined) throw new FramelensError('invalid-argument', `items[${index}] repeats the id "${id}" of items[${first}]; ids within a story must be unique`, { input: id, field: `items[${index}].report.id` });
    firstAt.set(id, index);
  }
}

type OptionKeys<T> = Readonly<Record<keyof T, true>>;

/** Each section's option keys: an option added to a section's type must be added here to compile. */
const SECTION_OPTION_KEYS: { readonly [S in keyof Required<CompareStoryOptions>]: OptionKeys<Required<CompareStoryOptions>[S]> } = {
  event: { leadSentences: true, minSupport: true },
  quotes: { threshold: true, minShared: true, minWords: true, maxPostings: true },
  metrics: { outlierThreshold: true, maxEvidence: true },
  distinctive: { top: true, minZ: true, priorArticles: true },
  coverage: { threshold: true, minWords: true, postingBudget: true },
  summary: { items: true, outlierThreshold: true },
};

/** Options that count something: whole numbers, zero or more. The rest are finite numbers. */
const COUNT_OPTIONS: ReadonlySet<string> = new Set(['leadSentences', 'minShared', 'minWords', 'maxPostings', 'maxEvidence', 'top', 'postingBudget', 'items']);

/** Known sections, known keys within each, numbers of the right kind. */
function checkCompareStoryOptions(options: unknown): asserts options is CompareStoryOptions {
  if (!isRecord(options)) throw new FramelensError('invalid-argument', `compareStory options must be an object, got ${describeType(options)}`, { field: 'options' });
  checkKnownKeys(options, SECTION_OPTION_KEYS, 'CompareStoryOptions');
  for (const section of Object.keys(options) as (keyof CompareStoryOptions)[]) {
    const values = options[section];
    if (values === undefined) continue;
    if (!isRecord(values)) throw new FramelensError('invalid-option', `"${section}" must be an object of options`, { field: section });
    checkKnownKeys(values, SECTION_OPTION_KEYS[section], `the ${section} options`, { path: section });
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (value === undefined) continue;
      const count = COUNT_OPTIONS.has(key);
      if (typeof value !== 'number' || !Number.isFinite(value) || (count && (!Number.isInteger(value) || value < 0))) {
        throw new FramelensError('invalid-option', `"${section}.${key}" must be ${count ? 'a whole number, zero or more' : 'a finite number'}`, { field: `${section}.${key}` });
      }
    }
  }
}

export type { ArticleCoverage, CompareCoverageOptions, Counterpart, Statement } from './coverage';
export type { ArticleDistinctiveTerms, CompareDistinctiveOptions, DistinctiveTerm, LogOdds } from './distinctive';
export type { DiffOp, DiffRun, DiffWordsOptions } from './diff';
export type { CompareEventOptions, EventSection, EventWording } from './event';
export type { CompareMetricsOptions, DeviationScale, MetricEvidence, MetricId, MetricRow, MetricValue, RobustScores } from './metrics';
export type { ActorNaming, ArticleNaming, NameForm, NamingChoice, NamingDivergence, NamingDivergenceKind } from './naming';
export type { ArticleQuoting, CompareQuotesOptions, QuoteGroup, QuoteRendering, QuotesSection, SpeakerShare } from './quotes';
export type { SimilarityPair, SimilaritySection, TermVector } from './similarity';
export type {
  ArticleSummary,
  CoverageSummaryItem,
  EventSummaryItem,
  MetricSummaryItem,
  NamingSummaryItem,
  QuoteSummaryItem,
  SimilaritySummaryItem,
  SummarizeOptions,
  SummaryItem,
  TermsSummaryItem,
} from './summary';
export { logOddsRatio } from './distinctive';
export { robustZ, median } from './metrics';
export { diffWords } from './diff';
