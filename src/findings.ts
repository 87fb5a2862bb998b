import type { SpanFields } from './article';

/**
 * Findings: one read-only record per framing signal, keyed by `analyzer`. `start`/`end` index the
 * article's verbatim text and `text` is `article.text.slice(start, end)`, the evidence.
 */
export const ANALYZER_IDS = [
  'scare-quote',
  'title-choice',
  'label',
  'attribution',
  'loaded-language',
  'hedge',
  'quote',
  'credit',
] as const;

export type AnalyzerId = (typeof ANALYZER_IDS)[number];

/** The analyzers whose findings are framing choices (quotes and credits are context). */
export const FRAMING_ANALYZERS: readonly AnalyzerId[] = ['scare-quote', 'title-choice', 'label', 'attribution', 'loaded-language', 'hedge'];

/** The fields every finding carries: its rule and its position (see `SpanFields`). */
interface FindingBase extends SpanFields {
  /** The lexicon entry id or rule id that produced the finding. */
  readonly rule: string;
}

/** A name or term in quotation marks in the writer's own voice: `'Israel'`. */
export interface ScareQuoteFinding extends FindingBase {
  readonly analyzer: 'scare-quote';
  /** The quoted term without its marks. */
  readonly term: string;
  readonly mark: 'double' | 'single' | 'guillemet';
  /** The actor the term names, when it names one. */
  readonly actor?: string;
}

/** The role or title a text gives a person: "Israeli security minister Benny Gantz". */
export interface TitleChoiceFinding extends FindingBase {
  readonly analyzer: 'title-choice';
  /** The title as written, normalised to lower case ("security minister"). */
  readonly title: string;
  /** The office the title stands for ("defense-minister"): titles of one office are compared. */
  readonly office: string;
  /** The actor id of the person it attaches to, when one is found. */
  readonly actor?: string;
  /** Other titles for the same office. */
  readonly alternatives: readonly string[];
  /**
   * True for a title by reference ("his Japanese counterpart Yasukazu Hamada"): the office is that
   * of the person it refers to, and the word says nothing of how the article names the office, so
   * the story comparison leaves it out of the titles it compares.
   */
  readonly byReference?: true;
}

/** A loaded label standing for or qualifying an actor: "the Israeli occupation". */
export interface LabelFinding extends FindingBase {
  readonly analyzer: 'label';
  readonly label: string;
  /** The label family ("occupation", "regime", "so-called", ...). */
  readonly family: string;
  readonly actor?: string;
  /** A neutral wording to compare with. */
  readonly alternative: string;
}

export type AttributionStance = 'neutral' | 'doubt' | 'endorsement' | 'hostility' | 'praise' | 'admission' | 'emphasis';

/** A reporting verb or phrase and its speaker: "claimed", "according to". */
export interface AttributionFinding extends FindingBase {
  readonly analyzer: 'attribution';
  /** The reporting verb's base form ("claim", "according to"). */
  readonly verb: string;
  readonly stance: AttributionStance;
  readonly speaker?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly actor?: string;
  /** How a speaker not named at the verb was found: a he/she pronoun resolved to the person last speaking or last the subject of a sentence. */
  readonly speakerVia?: 'pronoun' | 'continuation';
}

export type LoadedCategory = 'intensifier' | 'puffery' | 'emotive' | 'pejorative' | 'euphemism' | 'sensational' | 'moralizing';

/** An emotionally loaded, intensifying or puffery word: "historic", "malign". */
export interface LoadedLanguageFinding extends FindingBase {
  readonly analyzer: 'loaded-language';
  readonly term: string;
  readonly category: LoadedCategory;
}

export type HedgeCategory = 'hedge' | 'distancing' | 'weasel';

/** A hedge or distancing phrase: "reportedly", "as per". */
export interface HedgeFinding extends FindingBase {
  readonly analyzer: 'hedge';
  readonly term: string;
  readonly category: HedgeCategory;
}

/** A direct quotation, with its speaker when the text names one. */
export interface QuoteFinding extends FindingBase {
  readonly analyzer: 'quote';
  /** The quoted words without the marks. */
  readonly quote: string;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly speaker?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly actor?: string;
  /** How a speaker not named at the quote was found: a he/she pronoun, or the quoted paragraph before. */
  readonly speakerVia?: 'pronoun' | 'continuation';
  /** A partial quotation woven into the writer's sentence. */
  readonly partial: boolean;
}

export type CreditKind = 'syndication' | 'source' | 'originally-appeared' | 'read-more';

/** A syndication or source credit: "(JTA) —", "Read the full story at Jerusalem Post". */
export interface CreditFinding extends FindingBase {
  readonly analyzer: 'credit';
  /** The credited outlet or agency ("JTA", "Associated Press"). */
  readonly source: string;
  readonly kind: CreditKind;
}

export type Finding =
  | ScareQuoteFinding
  | TitleChoiceFinding
  | LabelFinding
  | AttributionFinding
  | LoadedLanguageFinding
  | HedgeFinding
  | QuoteFinding
  | CreditFinding;

/** The finding type of one analyzer id. */
export type FindingOf<A extends AnalyzerId> = Extract<Finding, { analyzer: A }>;

/**
 * Findings that mark a framing choice (what the scores and the framing evaluation count).
 *
 * @example
 * analyzeArticle(readArticle('Japan and the Israeli occupation are working on military collaborations, Gantz said on Tuesday.'))
 *   .findings.map(isFramingFinding); // [true, false]: the label counts, the neutral "said" does not
 */
export function isFramingFinding(finding: Finding): boolean {
  switch (finding.analyzer) {
    case 'scare-quote':
    case 'title-choice':
    case 'label':
    case 'loaded-language':
    case 'hedge':
      return true;
    case 'attribution':
      return finding.stance !== 'neutral';
    case 'quote':
    case 'credit':
      return false;
  }
}

/**
 * Order findings by position, then analyzer, then rule: the report's stable order.
 *
 * @example
 * [...report.findings].reverse().sort(compareFindings); // report.findings in their order again
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.analyzer < b.analyzer ? -1 : a.analyzer > b.analyzer ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
