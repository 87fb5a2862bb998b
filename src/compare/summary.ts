import { listOutliers, robustZ, type MetricId } from './metrics';
import type { NamingDivergenceKind } from './naming';
import type { StoryComparison } from './index';
import type { DiffRun } from './diff';
import { round4, splitWords, stemWord } from './terms';

/** A naming choice no other article shares (a label, scare quote, title or name form). */
export interface NamingSummaryItem {
  readonly kind: 'naming';
  readonly weight: number;
  readonly actor: string;
  readonly divergence: NamingDivergenceKind;
  /** The article's own wordings, as written when a finding backs them. */
  readonly values: readonly string[];
  /** What the other articles write instead (their most used wording), when they write anything. */
  readonly others: readonly string[];
  /** Finding indexes of the article's choice (none for name forms). */
  readonly findings: readonly number[];
}

/** A score far from the story median. */
export interface MetricSummaryItem {
  readonly kind: 'metric-outlier';
  readonly weight: number;
  readonly metric: MetricId;
  readonly value: number;
  readonly median: number;
  readonly z: number;
  /** Finding indexes behind the value (empty for tone, whose evidence is `sentences`). */
  readonly findings: readonly number[];
  readonly sentences: readonly number[];
}

/** Statements only this article makes. */
export interface CoverageSummaryItem {
  readonly kind: 'unique-coverage';
  readonly weight: number;
  readonly unique: number;
  readonly share: number;
  /** Sentence indexes of the unique statements, longest first (at most five). */
  readonly sentences: readonly number[];
}

/** A statement this article quotes in other words than the rest. */
export interface QuoteSummaryItem {
  readonly kind: 'quote-rendering';
  readonly weight: number;
  /** The quote group id. */
  readonly group: number;
  /** Words changed against the group's reference rendering, over all words of the diff. */
  readonly changed: number;
}

/** The event named in words no other article uses. */
export interface EventSummaryItem {
  readonly kind: 'event-wording';
  readonly weight: number;
  readonly wording: string;
  readonly start: number;
  readonly end: number;
  readonly others: readonly string[];
}

/** Words the article uses far more than the rest. */
export interface TermsSummaryItem {
  readonly kind: 'distinctive-terms';
  readonly weight: number;
  /** The strongest terms, each with its first place in the text. */
  readonly terms: readonly { readonly term: string; readonly z: number; readonly start: number; readonly end: number }[];
}

/** An article whose body is unlike the others'. */
export interface SimilaritySummaryItem {
  readonly kind: 'low-similarity';
  readonly weight: number;
  readonly mean: number;
  readonly z: number;
}

export type SummaryItem =
  | NamingSummaryItem
  | MetricSummaryItem
  | CoverageSummaryItem
  | QuoteSummaryItem
  | EventSummaryItem
  | TermsSummaryItem
  | SimilaritySummaryItem;

export interface ArticleSummary {
  readonly article: string;
  /** What most sets the article's framing apart, strongest first. */
  readonly items: readonly SummaryItem[];
}

export interface SummarizeOptions {
  /** Items kept per article (default 5). */
  readonly items?: number;
  /** |z| of an outlier (default 3.5), to scale its weight. */
  readonly outlierThreshold?: number;
}

/** The comparison's sections the summary ranks: all of them but the summary itself. */
export type SummaryInputs = Omit<StoryComparison, 'schemaVersion' | 'summary'>;

// How much each kind of difference weighs, before its own strength: a loaded label or a scare
// quote on a name is a framing choice in itself; a different name form is mostly house style.
/** Where an article's naming keeps the choices of each kind of divergence (name forms are no findings). */
const CHOICES: Readonly<Record<NamingDivergenceKind, 'titles' | 'labels' | 'scareQuotes' | 'verbs' | undefined>> = { title: 'titles', label: 'labels', 'scare-quote': 'scareQuotes', attribution: 'verbs', 'name-form': undefined };
const NAMING_WEIGHT: Readonly<Record<NamingDivergenceKind, number>> = { 'scare-quote': 1, label: 1, title: 0.9, attribution: 0.7, 'name-form': 0.5 };
const KIND_ORDER: readonly SummaryItem['kind'][] = ['naming', 'metric-outlier', 'unique-coverage', 'event-wording', 'quote-rendering', 'low-similarity', 'distinctive-terms'];

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

/**
 * Words changed in a rendering's diff, over its words. Leading and trailing deletions are left
 * out: a partial quotation of a longer rendering is not a change of wording.
 */
function changedShare(diff: readonly DiffRun[]): number {
  let from = 0;
  let to = diff.length;
  while (from < to && diff[from]!.op === 'delete') from++;
  while (to > from && diff[to - 1]!.op === 'delete') to--;
  let changed = 0;
  let all = 0;
  for (const run of diff.slice(from, to)) {
    const words = run.text.split(' ').length;
    all += words;
    if (run.op !== 'equal') changed += words;
  }
  return all > 0 ? changed / all : 0;
}

function wordSet(text: string): Set<string> {
  return new Set(splitWords(text).map((word) => stemWord(word.value)));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 ? shared / union : 0;
}

/**
 * Per article, a short ranked list of what most sets its framing apart, each item pointing at its
 * evidence: finding indexes, sentence indexes, a quote group or a naming divergence.
 *
 * @example
 * summarize(inputs)[0].items[0]; // { kind: 'naming', actor: 'israel', divergence: 'scare-quote', ... }
 */
export function summarize(inputs: SummaryInputs, options: SummarizeOptions = {}): ArticleSummary[] {
  const limit = options.items ?? 5;
  const threshold = options.outlierThreshold ?? 3.5;
  const items = new Map<string, SummaryItem[]>(inputs.articles.map((id) => [id, []]));
  const add = (article: string, item: SummaryItem): void => void items.get(article)?.push(item);

  for (const actor of inputs.naming) {
    for (const divergence of actor.divergences) {
      for (const article of divergence.distinct) {
        const naming = actor.articles.find((entry) => entry.article === article)!;
        const own = divergence.variants.filter((variant) => variant.articles.length === 1 && variant.articles[0] === article);
        const values = own.map((variant) => variant.value);
        const forms = new Set(own.flatMap((variant) => variant.forms ?? [variant.value]));
        // Reporting verbs: the stance the others take most, though this article may take it too
        // ("claims" where all write "said"); other kinds: a wording this article does not use.
        const shared = divergence.variants.filter((variant) => (divergence.kind === 'attribution' ? variant.articles.some((other) => other !== article) : !variant.articles.includes(article)));
        // With no wording of their own (a label, a scare quote), the others simply write the name.
        const plain = actor.articles.filter((entry) => entry.article !== article && entry.forms.length > 0).map((entry) => entry.forms[0]!.form);
        const list = CHOICES[divergence.kind];
        const choices = list === undefined ? [] : naming[list];
        const matched = choices.filter((choice) => forms.has(choice.value) && (divergence.office === undefined || choice.group === divergence.office));
        const seen = new Set<string>();
        const written = matched.map((choice) => choice.text).filter((text) => !seen.has(text.toLowerCase()) && seen.add(text.toLowerCase()));
        add(article, {
          kind: 'naming',
          weight: NAMING_WEIGHT[divergence.kind],
          actor: actor.actor,
          divergence: divergence.kind,
          // The words as written ("'Israel'", "Israeli occupation"), or the wording for name forms.
          values: written.length > 0 ? written : values,
          others: shared.length > 0 ? [shared[0]!.value] : plain.length > 0 ? [mostCommon(plain)] : [],
          findings: matched.map((choice) => choice.finding),
        });
      }
    }
  }

  for (const { metric, value } of listOutliers(inputs.metrics)) {
    const row = inputs.metrics.find((entry) => entry.metric === metric)!;
    const evidence = value.evidence ?? [];
    // An outlier made only of findings a naming item already shows says nothing new.
    const shown = new Set((items.get(value.article) ?? []).flatMap((item) => (item.kind === 'naming' ? item.findings : [])));
    if (evidence.length > 0 && evidence.every((item) => item.finding !== undefined && shown.has(item.finding))) continue;
    add(value.article, {
      kind: 'metric-outlier',
      weight: round4(0.6 + 0.05 * Math.min(Math.abs(value.z) - threshold, 8)),
      metric,
      value: value.value,
      median: row.median,
      z: value.z,
      findings: evidence.flatMap((item) => (item.finding !== undefined ? [item.finding] : [])),
      sentences: evidence.flatMap((item) => (item.sentence !== undefined ? [item.sentence] : [])),
    });
  }

  if (inputs.articles.length >= 2) {
    for (const coverage of inputs.coverage) {
      if (coverage.unique === 0) continue;
      const unique = coverage.sentences.filter((statement) => statement.counterparts.length === 0);
      add(coverage.article, {
        kind: 'unique-coverage',
        weight: round4(0.8 * coverage.uniqueShare),
        unique: coverage.unique,
        share: coverage.uniqueShare,
        sentences: [...unique].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start).slice(0, 5).map((statement) => statement.sentence),
      });
    }
  }

  for (const group of inputs.quotes.groups) {
    group.renderings.forEach((rendering, index) => {
      if (index === group.reference) return;
      const share = changedShare(rendering.diff);
      if (share < 0.2) return;
      const item: QuoteSummaryItem = { kind: 'quote-rendering', weight: round4(0.6 * share), group: group.id, changed: round4(share) };
      add(rendering.article, item);
      // Between two articles the difference is mutual: neither rendering is the original.
      const reference = group.renderings[group.reference]!;
      if (group.articles.length === 2 && reference.article !== rendering.article) add(reference.article, item);
    });
  }

  for (const wording of inputs.event.articles) {
    const variant = inputs.event.variants.find((entry) => entry.articles.includes(wording.article));
    if (!variant || variant.articles.length > 1 || inputs.event.variants.length < 2) continue;
    const others = inputs.event.variants.filter((entry) => entry !== variant).map((entry) => entry.wording);
    // The further the wording from the closest other one, the more it sets the article apart.
    const own = wordSet(variant.wording);
    const closest = others.reduce((most, other) => Math.max(most, jaccard(own, wordSet(other))), -Infinity);
    add(wording.article, { kind: 'event-wording', weight: round4(0.5 * (1 - closest)), wording: wording.wording, start: wording.start, end: wording.end, others });
  }

  const means = inputs.articles.map((id) => inputs.similarity.mean[id] ?? 0);
  if (means.length >= 3) {
    const robust = robustZ(means);
    robust.z.forEach((z, index) => {
      if (z < -threshold) add(inputs.articles[index]!, { kind: 'low-similarity', weight: 0.7, mean: means[index]!, z: round4(z) });
    });
  }

  for (const entry of inputs.distinctive) {
    if (entry.terms.length === 0) continue;
    const terms = entry.terms.slice(0, 3).map((term) => ({ term: term.term, z: term.z, start: term.spans[0]!.start, end: term.spans[0]!.end }));
    add(entry.article, { kind: 'distinctive-terms', weight: round4(0.3 * Math.min(1, terms[0]!.z / 4)), terms });
  }

  return inputs.articles.map((article) => ({
    article,
    items: items
      .get(article)!
      .sort((a, b) => b.weight - a.weight || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
      .slice(0, limit),
  }));
}
