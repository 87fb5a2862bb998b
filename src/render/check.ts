import type { ArticleMeta, Block, QuoteMark, SpanFields } from '../article';
import type {
  ActorNaming,
  ArticleCoverage,
  ArticleDistinctiveTerms,
  ArticleNaming,
  ArticleQuoting,
  ArticleSummary,
  DiffOp,
  DiffRun,
  DistinctiveTerm,
  EventSection,
  EventWording,
  MetricEvidence,
  MetricRow,
  MetricValue,
  NameForm,
  NamingChoice,
  NamingDivergence,
  NamingDivergenceKind,
  QuoteGroup,
  QuoteRendering,
  QuotesSection,
  SimilarityPair,
  SimilaritySection,
  SpeakerShare,
  Statement,
  StoryComparison,
  SummaryItem,
  TermsSummaryItem,
} from '../compare';
import type { NamingVariant } from '../compare/naming';
import { ANALYZER_IDS, type AnalyzerId, type CreditKind, type FindingOf } from '../findings';
import { FramelensError, describeType, type InputFailure } from '../errors';
import { BLOCK_ROLES, checkOptionsObject, checkReport, everyValue, isRecord } from '../inputs';
import type { Actor } from '../actors';
import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import type { ArticleTone, SentenceTone } from '../tone';

/**
 * The checks renderers run on what they are given: a report, story or article holding every field
 * a renderer reads (so a hand-made or damaged report fails with a typed error naming the field, not
 * a TypeError deep inside), and options with known keys and values in range.
 */

/** Checks a value found at `path` ("report.stories[0].id"), throwing when it is not what is expected. */
type Check = (value: unknown, path: string) => void;

/**
 * The checks for some of the fields of `T`. Each fields object below `satisfies` the one of the
 * type it checks, so a field renamed or removed there fails to compile here. A spread's fields are
 * not checked against the object they are spread into, so each spread part `satisfies` on its own.
 */
type Fields<T> = Partial<Record<keyof T, Check>>;

function refuse(path: string, expected: string, value: unknown): never {
  throw new FramelensError('invalid-argument', `${path} must be ${expected}, got ${describeType(value)}`, { field: path });
}

const string: Check = (value, path) => {
  if (typeof value !== 'string') refuse(path, 'a string', value);
};
const number: Check = (value, path) => {
  if (typeof value !== 'number') refuse(path, 'a number', value);
};
const offset: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) refuse(path, 'a non-negative integer', value);
};
const boolean: Check = (value, path) => {
  if (typeof value !== 'boolean') refuse(path, 'a boolean', value);
};
const anything: Check = () => undefined;

function optional(check: Check): Check {
  return (value, path) => {
    if (value !== undefined) check(value, path);
  };
}

function nullable(check: Check): Check {
  return (value, path) => {
    if (value !== null) check(value, path);
  };
}

function oneOf(values: readonly (string | number | boolean)[]): Check {
  return (value, path) => {
    if (!values.includes(value as string)) refuse(path, `one of ${values.join(', ')}`, value);
  };
}

const headlineOrNumber: Check = (value, path) => {
  if (value !== 'headline' && typeof value !== 'number') refuse(path, '"headline" or a number', value);
};

function list(check: Check): Check {
  return (value, path) => {
    if (!Array.isArray(value)) refuse(path, 'an array', value);
    for (let index = 0; index < value.length; index++) check(value[index], `${path}[${index}]`);
  };
}

function record(check: Check): Check {
  return (value, path) => {
    if (!isRecord(value)) refuse(path, 'an object', value);
    for (const key of Object.keys(value)) check(value[key], `${path}.${key}`);
  };
}

function object(fields: Readonly<Record<string, Check>>): Check {
  const entries = Object.entries(fields);
  return (value, path) => {
    if (!isRecord(value)) refuse(path, 'an object', value);
    for (const [key, check] of entries) check(value[key], `${path}.${key}`);
  };
}

/** An object whose other fields depend on the value of `tag`. */
function tagged(tag: string, cases: Readonly<Record<string, Readonly<Record<string, Check>>>>): Check {
  const head = object({ [tag]: oneOf(Object.keys(cases)) });
  const bodies = new Map(Object.entries(cases).map(([key, fields]) => [key, object(fields)]));
  return (value, path) => {
    head(value, path);
    bodies.get((value as Record<string, string>)[tag]!)!(value, path);
  };
}

const strings = list(string);
const DIVERGENCE_KIND = oneOf(everyValue<NamingDivergenceKind>({ 'name-form': true, title: true, label: true, 'scare-quote': true, attribution: true }));
const indexes = list(offset);
const maybeString = optional(string);

const FAILURE = object({ code: string, message: string } satisfies Fields<InputFailure>);

const BLOCK = object({ start: offset, end: offset, role: oneOf(BLOCK_ROLES), kind: maybeString } satisfies Fields<Block>);

const span = { start: offset, end: offset, text: string, boilerplate: boolean } satisfies Fields<SpanFields>;
const FINDING = tagged('analyzer', {
  'scare-quote': { ...span, term: string, mark: oneOf(everyValue<QuoteMark>({ double: true, single: true, guillemet: true })), actor: maybeString },
  'title-choice': { ...span, title: string, office: string, actor: maybeString, alternatives: strings, byReference: optional(oneOf([true])) },
  label: { ...span, label: string, family: string, alternative: string, actor: maybeString },
  attribution: { ...span, verb: string, stance: string, speaker: maybeString },
  'loaded-language': { ...span, term: string, category: string },
  hedge: { ...span, term: string, category: string },
  quote: { ...span, partial: boolean, speaker: maybeString },
  credit: { ...span, source: string, kind: oneOf(everyValue<CreditKind>({ syndication: true, source: true, 'originally-appeared': true, 'read-more': true })) },
} satisfies { [K in AnalyzerId]: Fields<FindingOf<K>> });

const PER_ANALYZER = object(Object.fromEntries(ANALYZER_IDS.map((id) => [id, number])));

const ARTICLE_FIELDS = object({
  id: string,
  path: maybeString,
  meta: object({ title: maybeString, outlet: maybeString, date: maybeString, url: maybeString } satisfies Fields<ArticleMeta>),
  text: string,
  blocks: list(BLOCK),
  findings: list(FINDING),
  // Read for the names of actors one article names alone (the quotations' speakers).
  actors: optional(list(object({ id: string, name: string } satisfies Fields<Actor>))),
  tone: object({
    score: number,
    comparative: number,
    sentences: list(object({ sentence: number, start: offset, end: offset } satisfies Fields<SentenceTone>)),
  } satisfies Fields<ArticleTone>),
  bodyTokens: number,
  counts: PER_ANALYZER,
  scores: PER_ANALYZER,
} satisfies Fields<ArticleReport>);

interface Spanned {
  readonly start: number;
  readonly end: number;
}

/** Offsets that index the article's text; blocks in text order, as the highlighting walks them. */
function checkArticle(value: unknown, path: string): void {
  ARTICLE_FIELDS(value, path);
  const article = value as { readonly text: string; readonly blocks: readonly Spanned[]; readonly findings: readonly Spanned[] };
  const length = article.text.length;
  let previous = 0;
  article.blocks.forEach((block, index) => {
    if (block.start < previous || block.end < block.start || block.end > length) {
      throw new FramelensError('invalid-argument', `${path}.blocks[${index}] (${block.start}–${block.end}) must lie in the text (${length} characters), after the block before it`, { field: `${path}.blocks[${index}]` });
    }
    previous = block.end;
  });
  article.findings.forEach((finding, index) => {
    if (finding.end < finding.start || finding.end > length) {
      throw new FramelensError('invalid-argument', `${path}.findings[${index}] (${finding.start}–${finding.end}) must lie in the text (${length} characters)`, { field: `${path}.findings[${index}]` });
    }
  });
}

/** The fields `inArticles` is given for a `T`: all but `article`, which it adds (and `T` must have). */
type InArticle<T extends { readonly article: string }> = Fields<Omit<T, 'article'>>;

/** An object of one article in a comparison section: its `article` id, then `fields`. */
const inArticles = (fields: Readonly<Record<string, Check>>): Check => object({ article: string, ...fields });

const COMPARISON = object({
  articles: strings,
  summary: list(
    inArticles({
      items: list(
        tagged('kind', {
          naming: { actor: string, divergence: DIVERGENCE_KIND, values: strings, others: strings, findings: indexes },
          'metric-outlier': { metric: oneOf([...ANALYZER_IDS, 'tone']), value: number, median: number, findings: indexes, sentences: indexes },
          'unique-coverage': { unique: number, share: number, sentences: indexes },
          'quote-rendering': { group: number, changed: number },
          'event-wording': { wording: string, others: strings },
          'distinctive-terms': { terms: list(object({ term: string } satisfies Fields<TermsSummaryItem['terms'][number]>)) },
          'low-similarity': { mean: number },
        } satisfies { [K in SummaryItem['kind']]: Fields<Extract<SummaryItem, { kind: K }>> }),
      ),
    } satisfies InArticle<ArticleSummary>),
  ),
  naming: list(
    object({
      actor: string,
      name: string,
      articles: list(
        inArticles({
          forms: list(object({ form: string, count: number } satisfies Fields<NameForm>)),
          titles: list(object({ value: string } satisfies Fields<NamingChoice>)),
          labels: list(object({ value: string } satisfies Fields<NamingChoice>)),
          scareQuotes: list(object({ value: string } satisfies Fields<NamingChoice>)),
          // Optional: reports made before reporting verbs were compared have none.
          verbs: optional(list(object({ value: string, group: optional(string) } satisfies Fields<NamingChoice>))),
        } satisfies InArticle<ArticleNaming>),
      ),
      divergences: list(
        object({
          kind: DIVERGENCE_KIND,
          distinct: strings,
          variants: list(object({ value: string, articles: strings } satisfies Fields<NamingVariant>)),
          without: strings,
        } satisfies Fields<NamingDivergence>),
      ),
    } satisfies Fields<ActorNaming>),
  ),
  event: object({
    articles: list(inArticles({ wording: string, position: headlineOrNumber } satisfies InArticle<EventWording>)),
    variants: list(object({ wording: string, articles: strings } satisfies Fields<EventSection['variants'][number]>)),
  } satisfies Fields<EventSection>),
  quotes: object({
    articles: list(
      inArticles({
        quotes: number,
        quotedWords: number,
        share: number,
        speakers: list(object({ speaker: nullable(string), quotes: number } satisfies Fields<SpeakerShare>)),
      } satisfies InArticle<ArticleQuoting>),
    ),
    groups: list(
      object({
        reference: number,
        renderings: list(
          inArticles({
            speaker: maybeString,
            text: string,
            diff: list(object({ op: oneOf(everyValue<DiffOp>({ equal: true, insert: true, delete: true })), text: string } satisfies Fields<DiffRun>)),
          } satisfies InArticle<QuoteRendering>),
        ),
      } satisfies Fields<QuoteGroup>),
    ),
  } satisfies Fields<QuotesSection>),
  metrics: list(
    object({
      metric: oneOf([...ANALYZER_IDS, 'tone']),
      median: number,
      values: list(
        inArticles({
          value: number,
          z: number,
          outlier: boolean,
          evidence: optional(list(object({ text: string, score: optional(number) } satisfies Fields<MetricEvidence>))),
        } satisfies InArticle<MetricValue>),
      ),
    } satisfies Fields<MetricRow>),
  ),
  distinctive: list(
    inArticles({
      terms: list(object({ term: string, count: number, otherCount: number, z: number } satisfies Fields<DistinctiveTerm>)),
    } satisfies InArticle<ArticleDistinctiveTerms>),
  ),
  coverage: list(
    inArticles({
      statements: number,
      shared: number,
      unique: number,
      uniqueShare: number,
      sentences: list(object({ sentence: number, text: string, counterparts: list(anything) } satisfies Fields<Statement>)),
    } satisfies InArticle<ArticleCoverage>),
  ),
  similarity: object({
    matrix: record(record(number)),
    mean: record(number),
    pairs: list(object({ a: string, b: string, score: number } satisfies Fields<SimilarityPair>)),
  } satisfies Fields<SimilaritySection>),
} satisfies Fields<StoryComparison>);

const STORY_FIELDS = { id: string, articles: list(checkArticle), failures: list(FAILURE) } satisfies Fields<StoryReport>;

function story(comparison: Check): Check {
  return object({ ...STORY_FIELDS, comparison } satisfies Fields<StoryReport>);
}

const REPORTS = {
  full: object({ stories: list(story(COMPARISON)), failures: list(FAILURE) } satisfies Fields<FramelensReport>),
  // The text format renders a story without a comparison too (its articles alone).
  optional: object({ stories: list(story(optional(COMPARISON))), failures: list(FAILURE) } satisfies Fields<FramelensReport>),
};
const STORY = story(COMPARISON);

/**
 * Check a `FramelensReport` before rendering it: every field the renderer reads, offsets inside the
 * text and blocks in order. Each story's comparison is checked too; with `comparison` false, a story
 * may have none (a comparison it has is checked all the same).
 *
 * @example
 * checkRenderedReport({ stories: [null], failures: [] }); // throws 'invalid-argument' (field "report.stories[0]")
 */
export function checkRenderedReport(report: unknown, comparison = true): void {
  checkReport(report);
  (comparison ? REPORTS.full : REPORTS.optional)(report, 'report');
}

/**
 * Check a `StoryReport` or an `ArticleReport` before rendering it on its own.
 *
 * @example
 * checkRenderedPart(report, 'story'); // throws 'invalid-argument' for a whole FramelensReport
 */
export function checkRenderedPart(value: unknown, kind: 'story' | 'article'): void {
  const shaped = isRecord(value) && typeof value.id === 'string' && (kind === 'story' ? Array.isArray(value.articles) : typeof value.text === 'string');
  if (!shaped) throw new FramelensError('invalid-argument', `expected a${kind === 'article' ? 'n ArticleReport' : ' StoryReport'}, got ${describeType(value)}`, { field: kind });
  (kind === 'story' ? STORY : checkArticle)(value, kind);
}

/** How one option is checked: its expected value in words and the test. */
export interface OptionRule {
  readonly expected: string;
  readonly test: (value: unknown) => boolean;
}

/**
 * A whole number from `min` to `max`.
 *
 * @example
 * integerOption(1, 10).expected; // 'an integer from 1 to 10'
 * integerOption(1, 10).test(11); // false
 */
export function integerOption(min: number, max = Number.MAX_SAFE_INTEGER): OptionRule {
  return { expected: max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`, test: (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max };
}

export const STRING_OPTION: OptionRule = { expected: 'a string', test: (value) => typeof value === 'string' };
export const BOOLEAN_OPTION: OptionRule = { expected: 'true or false', test: (value) => typeof value === 'boolean' };

/**
 * Check a renderer's options: an object (or undefined) with known keys only, each value valid.
 *
 * @example
 * checkRenderOptions({ titel: 'x' }, { title: STRING_OPTION }, 'RenderHtmlOptions'); // throws 'invalid-option' (field "titel")
 */
export function checkRenderOptions(options: unknown, rules: Readonly<Record<string, OptionRule>>, what: string): void {
  const record = checkOptionsObject(options, rules, what);
  for (const key of Object.keys(record)) {
    const rule = rules[key]!;
    const value = record[key];
    if (value !== undefined && !rule.test(value)) throw new FramelensError('invalid-option', `option "${key}" must be ${rule.expected}, got ${describeType(value) === 'number' ? String(value) : describeType(value)}`, { field: key });
  }
}

/**
 * The options given with a value: one given as undefined keeps its default.
 *
 * @example
 * givenOptions({ title: undefined, maxEvidence: 40 }); // { maxEvidence: 40 }
 */
export function givenOptions(options: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined));
}
