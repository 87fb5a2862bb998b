import type { ArticleMeta, Block } from './article';
import type { Actor } from './actors';
import type { AnalyzerId, Finding } from './findings';
import type { ArticleTone } from './tone';
import type { StoryComparison } from './compare';
import type { InputFailure } from './errors';
import { checkReport } from './inputs';

/** Version of the report's JSON shape; raised on any breaking change. */
export const REPORT_SCHEMA_VERSION = 1;

/** Everything framelens found in one article. `JSON.stringify` of it is the CLI's JSON. */
export interface ArticleReport {
  readonly id: string;
  /** The file path as given (absent for standard input and in-memory text). */
  readonly path?: string;
  readonly meta: ArticleMeta;
  /** The verbatim text every offset indexes. */
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Findings in text order, boilerplate ones included but flagged. */
  readonly findings: readonly Finding[];
  readonly actors: readonly Actor[];
  readonly tone: ArticleTone;
  /** Tokens outside boilerplate: the denominator of the scores. */
  readonly bodyTokens: number;
  /** Non-boilerplate findings per analyzer (attribution: non-neutral only). */
  readonly counts: Readonly<Record<AnalyzerId, number>>;
  /** `counts` per 1,000 body tokens. */
  readonly scores: Readonly<Record<AnalyzerId, number>>;
}

/** One story: its articles, the inputs that failed, and how the articles compare. */
export interface StoryReport {
  readonly id: string;
  readonly articles: readonly ArticleReport[];
  readonly failures: readonly InputFailure[];
  readonly comparison: StoryComparison;
}

/** A whole run: every story, and every input that could not be read. */
export interface FramelensReport {
  readonly schemaVersion: number;
  readonly stories: readonly StoryReport[];
  readonly failures: readonly InputFailure[];
}

/** One line of a JSON Lines report: a story, or an input that belongs to no story. */
export type ReportLine = { readonly schemaVersion: number; readonly story: StoryReport } | { readonly schemaVersion: number; readonly failure: InputFailure };

/**
 * A report as JSON Lines, the text `framelens analyze --format jsonl` writes: one compact line per
 * story, then one per failed input that belongs to no story.
 *
 * @example
 * reportJsonLines(report).split('\n')[0]; // '{"schemaVersion":1,"story":{"id":"corpus",...}}'
 */
export function reportJsonLines(report: FramelensReport): string {
  checkReport(report);
  // The version of the report's shape, as the streamed writer gives it.
  const schemaVersion = REPORT_SCHEMA_VERSION;
  let out = '';
  for (const story of report.stories) out += `${JSON.stringify({ schemaVersion, story } satisfies ReportLine)}\n`;
  for (const failure of report.failures) out += `${JSON.stringify({ schemaVersion, failure } satisfies ReportLine)}\n`;
  return out;
}
