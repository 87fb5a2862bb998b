import { readArticle, type Article, type ArticleMeta } from './article';
import { actorsOf, type ActorSpec } from './actors';
import { ANALYZERS, articleMatcher, COUNTRIES_AT, createContext, lexiconMatches, SPECS_AT, type Analyzer } from './analyzers';
import { findRecurringLines, type ClassifyBlocksOptions } from './boilerplate';
import { alignPeople } from './align';
import { compareCheckedItems } from './compare';
import { describeType, FramelensError, isFramelensError, type InputFailure } from './errors';
import { articleInputFailure, checkAnalyzeOptions, checkArticle, checkComparedArticle, checkInputFailure, checkStoryInput, expectArray, expectString, isStringSet } from './inputs';
import { ANALYZER_IDS, compareFindings, isFramingFinding, type AnalyzerId, type Finding } from './findings';
import { buildLexicons, DEFAULT_LEXICONS, type LexiconOverrides, type Lexicons } from './lexicons';
import { REPORT_SCHEMA_VERSION, type ArticleReport, type FramelensReport, type StoryReport } from './report';
import { scoreTone } from './tone';

/** An article to analyse: its text and what is known of it. */
export interface ArticleInput {
  readonly text: string;
  readonly meta?: ArticleMeta;
}

/** A story to analyse: several articles on one event. */
export interface StoryInput {
  readonly id: string;
  readonly articles: readonly (ArticleInput | FramelensError)[];
}

export interface AnalyzeOptions {
  /** Run only these analyzers. */
  readonly only?: readonly string[];
  /** Skip these analyzers. */
  readonly skip?: readonly string[];
  /** Additions to and removals from the shipped lexicons. */
  readonly lexicon?: LexiconOverrides;
  /** Actors to look for besides those found in the text. */
  readonly actors?: readonly ActorSpec[];
  readonly boilerplate?: ClassifyBlocksOptions;
}

/** Options resolved once per run: the analyzers to run and the lexicon set. */
interface Plan {
  readonly analyzers: readonly Analyzer[];
  readonly lexicons: Lexicons;
  readonly options: AnalyzeOptions;
}

function checkAnalyzerIds(ids: readonly string[] | undefined, option: string): void {
  for (const id of ids ?? []) {
    if (!(ANALYZER_IDS as readonly string[]).includes(id)) {
      throw new FramelensError('unknown-analyzer', `unknown analyzer "${id}" in ${option}; expected one of ${ANALYZER_IDS.join(', ')}`, { field: option });
    }
  }
}

const plans = new WeakMap<AnalyzeOptions, Plan>();

function planFor(options: AnalyzeOptions): Plan {
  const cached = plans.get(options);
  if (cached) return cached;
  checkAnalyzeOptions(options);
  checkAnalyzerIds(options.only, 'only');
  checkAnalyzerIds(options.skip, 'skip');
  const only = options.only ? new Set(options.only) : undefined;
  const skip = new Set(options.skip ?? []);
  const analyzers = ANALYZERS.filter((analyzer) => (!only || only.has(analyzer.id)) && !skip.has(analyzer.id));
  const lexicons = options.lexicon ? buildLexicons(options.lexicon) : DEFAULT_LEXICONS;
  const plan = { analyzers, lexicons, options };
  plans.set(options, plan);
  return plan;
}

/**
 * Analyse one article already read: actors, every analyzer's findings, tone and scores.
 *
 * @example
 * const report = analyzeArticle(readArticle(text, { id: '000' }));
 * report.findings.filter((f) => f.analyzer === 'scare-quote');
 */
export function analyzeArticle(article: Article, options: AnalyzeOptions = {}): ArticleReport {
  checkArticle(article);
  const plan = planFor(options);
  const found = articleMatcher(plan.lexicons, options.actors).match(article.tokens);
  const lexicons = lexiconMatches(article.tokens, found);
  const actors = actorsOf(article, { actors: options.actors ?? [], titles: plan.lexicons.titles }, {
    specs: found[SPECS_AT]!,
    countries: found[COUNTRIES_AT]!,
    titles: lexicons.byName.titles,
  });
  const context = createContext(plan.lexicons, actors, lexicons);
  const findings: Finding[] = [];
  // One push per finding: spreading a long list into push() overflows the call stack.
  for (const analyzer of plan.analyzers) for (const finding of analyzer.analyze(article, context)) findings.push(finding);
  findings.sort(compareFindings);

  let bodyTokens = 0;
  for (const token of article.tokens) {
    const block = article.blocks[article.sentences[token.sentence]!.block]!;
    if (block.role !== 'boilerplate') bodyTokens++;
  }
  const counts = Object.fromEntries(ANALYZER_IDS.map((id) => [id, 0])) as Record<AnalyzerId, number>;
  for (const finding of findings) {
    if (finding.boilerplate) continue;
    if (finding.analyzer === 'attribution' && !isFramingFinding(finding)) continue;
    counts[finding.analyzer]++;
  }
  const scores = Object.fromEntries(
    ANALYZER_IDS.map((id) => [id, bodyTokens > 0 ? round((counts[id] * 1000) / bodyTokens) : 0]),
  ) as Record<AnalyzerId, number>;

  return {
    id: article.id,
    ...(article.meta.path !== undefined ? { path: article.meta.path } : {}),
    meta: article.meta,
    text: article.text,
    blocks: article.blocks,
    findings,
    actors,
    tone: scoreTone(article, actors),
    bodyTokens,
    counts,
    scores,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Read and analyse the articles of one story and compare them. An article that cannot be read
 * is listed in `failures`; the others are analysed all the same.
 *
 * @example
 * const story = analyzeStory({ id: 'japan-israel', articles: [{ text, meta: { id: '000' } }] });
 * story.comparison;
 */
export function analyzeStory(story: StoryInput, options: AnalyzeOptions = {}): StoryReport {
  checkStoryInput(story);
  planFor(options); // option errors are the caller's, not one article's
  // Array.from: a hole in the list is a missing article, reported as such, not one skipped.
  const inputs = Array.from(story.articles);
  // Story-level boilerplate evidence: lines that recur across articles of one outlet.
  const recurring = findRecurringLines(inputs.map((input) => (input instanceof FramelensError ? undefined : input)));
  const results = inputs.map((input, index) => (input instanceof FramelensError ? input.toJSON() : analyzeInput(input, `${story.id}#${index + 1}`, options, recurring[index])));
  return assembleStory(story.id, results);
}

/** An article read and analysed: what the comparison of its story needs. */
export interface AnalyzedArticle {
  readonly article: Article;
  readonly report: ArticleReport;
}

/**
 * Read and analyse one article of a story, or say why it could not be read. `fallbackId` names
 * an article whose meta has no id. Worker threads run this; the story is assembled afterwards.
 * `recurring` is the article's entry from `findRecurringLines` over its story (lines the outlet
 * repeats elsewhere are set apart as boilerplate).
 *
 * @example
 * const result = analyzeInput({ text }, 'story#1');
 * if ('report' in result) result.report.findings;
 */
export function analyzeInput(input: ArticleInput, fallbackId: string, options: AnalyzeOptions = {}, recurring?: ReadonlySet<string>): AnalyzedArticle | InputFailure {
  expectString(fallbackId, 'fallbackId');
  planFor(options);
  // Checked here, not only by readArticle: its errors become the article's failure, and this is the caller's.
  if (recurring !== undefined && !isStringSet(recurring)) {
    throw new FramelensError('invalid-argument', `"recurring" must be a Set of line keys from findRecurringLines(), got ${describeType(recurring)}`, { field: 'recurring' });
  }
  const invalid = articleInputFailure(input, fallbackId);
  if (invalid) return invalid.toJSON();
  let article: Article;
  try {
    const boilerplate = recurring && recurring.size > 0 ? { ...options.boilerplate, recurring } : options.boilerplate;
    article = readArticle(input.text, { ...input.meta, id: input.meta?.id ?? fallbackId }, { ...(boilerplate ? { boilerplate } : {}) });
  } catch (error) {
    if (!isFramelensError(error)) throw error;
    return error.toJSON();
  }
  return { article, report: analyzeArticle(article, options) };
}

/**
 * A story's report from its articles' results in input order: failures listed, the rest compared.
 * Ids within a story are unique: an article whose id repeats an earlier one's is listed as an
 * `invalid-field` failure (field `id`) and left out of the comparison. A hole in `results` is a
 * missing article, listed as a failure. People of one surname get one id each across the story
 * (`alignPeople`), in the article reports as in the comparison.
 *
 * @example
 * assembleStory('japan-israel', inputs.map((input, i) => analyzeInput(input, `japan-israel#${i + 1}`)));
 */
export function assembleStory(id: string, results: readonly (AnalyzedArticle | InputFailure)[]): StoryReport {
  expectString(id, 'id');
  expectArray(results, 'results');
  const failures: InputFailure[] = [];
  const analyzed: AnalyzedArticle[] = [];
  const firstAt = new Map<string, number>();
  for (let index = 0; index < results.length; index++) {
    const result: unknown = results[index];
    const field = `results[${index}]`;
    if (result === undefined) {
      failures.push(articleInputFailure(result, `${id}#${index + 1}`)!.toJSON());
    } else if (result === null || typeof result !== 'object') {
      throw new FramelensError('invalid-argument', `"${field}" must be {article, report} or a failure {code, message}, as analyzeInput() returns them, got ${describeType(result)}`, { field });
    } else if ('report' in result) {
      checkComparedArticle(result, field);
      const first = firstAt.get(result.report.id);
      if (first === undefined) {
        firstAt.set(result.report.id, index);
        analyzed.push(result);
      } else {
        failures.push(duplicateIdFailure(results[first] as AnalyzedArticle, first, result, index).toJSON());
      }
    } else {
      checkInputFailure(result, field);
      failures.push(result);
    }
  }
  // One id for each person of a shared surname across the story ("hunter-biden" in every article).
  const reports = alignPeople(analyzed.map((item) => item.report));
  const items = analyzed.map((item, index) => (reports[index] === item.report ? item : { article: item.article, report: reports[index]! }));
  return { id, articles: reports, failures, comparison: compareCheckedItems(items) }; // each item checked above, ids unique
}

/** The failure of the article at `index` whose id the article at `first` holds already. */
function duplicateIdFailure(earlier: AnalyzedArticle, first: number, later: AnalyzedArticle, index: number): FramelensError {
  const where = (item: AnalyzedArticle, at: number): string => `article ${at + 1}${item.report.path !== undefined ? ` (${item.report.path})` : ''}`;
  return new FramelensError('invalid-field', `${where(later, index)} repeats the id "${later.report.id}" of ${where(earlier, first)}; ids within a story must be unique`, { input: later.report.id, field: 'id' });
}

/**
 * Analyse several stories into one report.
 *
 * @example
 * const report = analyzeStories([{ id: 'corpus', articles }]);
 * JSON.stringify(report); // the CLI's --format json
 */
export function analyzeStories(stories: readonly StoryInput[], options: AnalyzeOptions = {}, failures: readonly InputFailure[] = []): FramelensReport {
  if (!Array.isArray(stories)) throw new FramelensError('invalid-argument', `"stories" must be an array of {id, articles}, got ${describeType(stories)}`, { field: 'stories' });
  planFor(options);
  expectArray(failures, 'failures');
  // Index loops: a hole is a missing story or failure, not one skipped.
  for (let index = 0; index < stories.length; index++) checkStoryInput(stories[index], `stories[${index}]`);
  for (let index = 0; index < failures.length; index++) checkInputFailure(failures[index], `failures[${index}]`);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stories: stories.map((story) => analyzeStory(story, options)),
    failures: [...failures],
  };
}
