import type { Article } from '../article';
import { ANALYZER_IDS, isFramingFinding, type AnalyzerId } from '../findings';
import type { ArticleReport } from '../report';
import { compareText, round4 } from './terms';

/** A metric of the comparison: an analyzer's score per 1,000 body tokens, or the body's tone. */
export type MetricId = AnalyzerId | 'tone';

/** Where a robust z-score's scale came from. */
export type DeviationScale = 'mad' | 'mean-absolute-deviation' | 'none';

/** What lies behind an outlying value: a finding of the article, or a sentence for tone. */
export interface MetricEvidence {
  /** Index into the article report's `findings` (absent for tone). */
  readonly finding?: number;
  /** Index of the sentence (for tone). */
  readonly sentence?: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The sentence's AFINN score (for tone). */
  readonly score?: number;
}

export interface MetricValue {
  readonly article: string;
  readonly value: number;
  /** Robust z-score against the story median. */
  readonly z: number;
  readonly outlier: boolean;
  /** For outliers: the findings (or sentences) that make the value. */
  readonly evidence?: readonly MetricEvidence[];
}

export interface MetricRow {
  readonly metric: MetricId;
  readonly median: number;
  /** Median absolute deviation from the median. */
  readonly mad: number;
  readonly scale: DeviationScale;
  readonly values: readonly MetricValue[];
}

export interface CompareMetricsOptions {
  /** |z| above which a value is an outlier (default 3.5, Iglewicz and Hoaglin). */
  readonly outlierThreshold?: number;
  /** Most evidence items listed per outlier (default 10). */
  readonly maxEvidence?: number;
}

export const DEFAULT_METRICS_OPTIONS: Readonly<Required<CompareMetricsOptions>> = Object.freeze({ outlierThreshold: 3.5, maxEvidence: 10 });

/**
 * The median of a list of numbers (0 for none).
 *
 * @example
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Robust z-scores of a list, with the median, MAD and which scale was used. */
export interface RobustScores {
  readonly median: number;
  readonly mad: number;
  readonly scale: DeviationScale;
  readonly z: readonly number[];
}

/**
 * Modified z-scores (Iglewicz and Hoaglin 1993): z = 0.6745 (x − median) / MAD. When more than half
 * the values are equal the MAD is 0; the scale then falls back to the mean absolute deviation
 * (z = (x − median) / (1.2533 · meanAD)), and when every value is equal no value stands out.
 *
 * @example
 * robustZ([0, 0, 0, 0, 12]).z; // [0, 0, 0, 0, 3.99]
 */
export function robustZ(values: readonly number[]): RobustScores {
  const center = median(values);
  const deviations = values.map((value) => Math.abs(value - center));
  const mad = median(deviations);
  if (mad > 0) return { median: center, mad, scale: 'mad', z: values.map((value) => (0.6745 * (value - center)) / mad) };
  const meanDeviation = deviations.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  if (meanDeviation > 0) {
    return { median: center, mad, scale: 'mean-absolute-deviation', z: values.map((value) => (value - center) / (1.253314 * meanDeviation)) };
  }
  return { median: center, mad, scale: 'none', z: values.map(() => 0) };
}

function toneEvidence(article: ArticleReport, sign: number, max: number): MetricEvidence[] {
  return article.tone.sentences
    .filter((sentence) => Math.sign(sentence.score) === sign && sign !== 0)
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.start - b.start)
    .slice(0, max)
    .map((sentence) => ({ sentence: sentence.sentence, start: sentence.start, end: sentence.end, text: article.text.slice(sentence.start, sentence.end), score: sentence.score }));
}

function findingEvidence(article: ArticleReport, metric: AnalyzerId, max: number): MetricEvidence[] {
  const out: MetricEvidence[] = [];
  article.findings.forEach((finding, index) => {
    if (out.length >= max || finding.analyzer !== metric || finding.boilerplate) return;
    if (finding.analyzer === 'attribution' && !isFramingFinding(finding)) return;
    out.push({ finding: index, start: finding.start, end: finding.end, text: finding.text });
  });
  return out;
}

/**
 * Each article's scores per analyzer and its tone beside the story median, with outliers by a
 * robust z-score, each outlier linked to the findings (or, for tone, the sentences) behind it.
 *
 * @example
 * compareMetrics(items).find((row) => row.metric === 'scare-quote');
 */
export function compareMetrics(items: readonly { readonly article: Article; readonly report: ArticleReport }[], options: CompareMetricsOptions = {}): MetricRow[] {
  const { outlierThreshold, maxEvidence } = { ...DEFAULT_METRICS_OPTIONS, ...options };
  const metrics: MetricId[] = [...ANALYZER_IDS, 'tone'];
  return metrics.map((metric): MetricRow => {
    const raw = items.map(({ report }) => (metric === 'tone' ? report.tone.comparative : (report.scores[metric] ?? 0)));
    const robust = items.length >= 3 ? robustZ(raw) : { median: median(raw), mad: 0, scale: 'none' as const, z: raw.map(() => 0) };
    const values = items.map(({ report }, index): MetricValue => {
      const z = robust.z[index]!;
      const outlier = Math.abs(z) > outlierThreshold && isMaterial(metric, raw[index]! - robust.median, report);
      const base = { article: report.id, value: round4(raw[index]!), z: round4(z), outlier };
      if (!outlier) return base;
      const evidence = metric === 'tone' ? toneEvidence(report, Math.sign(raw[index]! - robust.median), maxEvidence) : findingEvidence(report, metric, maxEvidence);
      return { ...base, evidence };
    });
    return { metric, median: round4(robust.median), mad: round4(robust.mad), scale: robust.scale, values };
  });
}

/** Least difference from the median in tone, in AFINN points per word, that an outlier must show. */
export const MIN_TONE_DIFFERENCE = 0.02;

/**
 * Whether a difference from the story median is large enough to matter, whatever its z-score: with
 * three or four articles the MAD can be tiny ([9.281, 9.288, 9.662] gives 9.662 a z of 36), so a rate
 * must differ by at least one finding in the article's body, and tone by at least
 * `MIN_TONE_DIFFERENCE` (one strongly valenced word, AFINN ±3, in 150).
 */
function isMaterial(metric: MetricId, difference: number, report: ArticleReport): boolean {
  if (metric === 'tone') return Math.abs(difference) >= MIN_TONE_DIFFERENCE;
  // Scores are rounded to three decimals: a difference of exactly one finding may fall a hair short.
  return (Math.abs(difference) * report.bodyTokens) / 1000 >= 0.99;
}

/**
 * Outlying values of every metric, largest |z| first.
 *
 * @example
 * listOutliers(comparison.metrics)[0]; // { metric: 'title-choice', value: { article: '001_…', z: 16.96, ... } }
 */
export function listOutliers(rows: readonly MetricRow[]): { readonly metric: MetricId; readonly value: MetricValue }[] {
  return rows
    .flatMap((row) => row.values.filter((value) => value.outlier).map((value) => ({ metric: row.metric, value })))
    .sort((a, b) => Math.abs(b.value.z) - Math.abs(a.value.z) || compareText(a.metric, b.metric) || compareText(a.value.article, b.value.article));
}
