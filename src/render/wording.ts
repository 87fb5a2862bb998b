import type { AnalyzerId, Finding } from '../findings';
import type { NamingDivergenceKind } from '../compare/naming';
import type { SimilaritySection } from '../compare/similarity';
import { formatNumber, isolateText } from './escape';

/**
 * The words a report uses for an analyzer id.
 *
 * @example
 * analyzerName('scare-quote'); // 'Scare quote'
 */
export function analyzerName(id: AnalyzerId): string {
  switch (id) {
    case 'scare-quote':
      return 'Scare quote';
    case 'title-choice':
      return 'Title';
    case 'label':
      return 'Label';
    case 'attribution':
      return 'Attribution verb';
    case 'loaded-language':
      return 'Loaded word';
    case 'hedge':
      return 'Hedge';
    case 'quote':
      return 'Quotation';
    case 'credit':
      return 'Credit';
  }
}

/**
 * One short phrase that says what a finding means, without its evidence. Plain text: the caller
 * escapes it for its format, without isolating it again (its user strings already are: Markdown
 * uses `escapeIsolatedMarkdown`).
 *
 * @example
 * describeFinding(labelFinding); // '“occupation” (occupation) standing for israel; neutral wording: “Israel”'
 */
export function describeFinding(finding: Finding): string {
  // Every string from the text is isolated: a name in another script or with direction controls
  // must not reorder the words around it.
  const own = isolateText;
  switch (finding.analyzer) {
    case 'scare-quote':
      return `“${own(finding.term)}” in ${own(finding.mark)} marks, in the writer’s own voice${finding.actor ? `; names ${own(finding.actor)}` : ''}`;
    case 'title-choice': {
      const shown = finding.alternatives.slice(0, 3).map(own).join(', ');
      const others = finding.alternatives.length > 0 ? `; other titles: ${shown}${finding.alternatives.length > 3 ? ', …' : ''}` : '';
      return `“${own(finding.title)}” for the office ${own(finding.office)}${finding.actor ? ` (${own(finding.actor)})` : ''}${others}`;
    }
    case 'label':
      return `“${own(finding.label)}” (${own(finding.family)})${finding.actor ? ` standing for ${own(finding.actor)}` : ''}; neutral wording: “${own(finding.alternative)}”`;
    case 'attribution':
      return `“${own(finding.verb)}”, stance: ${own(finding.stance)}${finding.speaker ? `; speaker: ${own(finding.speaker)}` : ''}`;
    case 'loaded-language':
      return `“${own(finding.term)}”: ${own(finding.category)}`;
    case 'hedge':
      return `“${own(finding.term)}”: ${own(finding.category)}`;
    case 'quote':
      return `${finding.partial ? 'partial, ' : ''}${finding.speaker ? `speaker: ${own(finding.speaker)}` : 'no speaker named'}`;
    case 'credit':
      return `${creditKindName(finding.kind)}: ${own(finding.source)}`;
  }
}

function creditKindName(kind: Extract<Finding, { analyzer: 'credit' }>['kind']): string {
  switch (kind) {
    case 'syndication':
      return 'syndication credit';
    case 'source':
      return 'source credit';
    case 'originally-appeared':
      return 'originally appeared at';
    case 'read-more':
      return 'read the full story at';
  }
}

/**
 * The words for a comparison metric: an analyzer's score or the tone.
 *
 * @example
 * metricName('tone'); // 'Tone (AFINN per word)'
 */
export function metricName(metric: AnalyzerId | 'tone'): string {
  switch (metric) {
    case 'tone':
      return 'Tone (AFINN per word)';
    default:
      return `${analyzerName(metric)}s per 1,000 tokens`;
  }
}

/**
 * The words for a kind of naming divergence.
 *
 * @example
 * namingKindName('scare-quote'); // 'scare quotes'
 */
export function namingKindName(kind: NamingDivergenceKind): string {
  switch (kind) {
    case 'name-form':
      return 'name';
    case 'title':
      return 'title';
    case 'label':
      return 'label';
    case 'scare-quote':
      return 'scare quotes';
    case 'attribution':
      return 'reporting verb';
  }
}

/**
 * The most and least alike pairs of articles in words, or undefined with fewer than two pairs. Plain
 * text whose article ids are isolated already (Markdown: `escapeIsolatedMarkdown`).
 *
 * @example
 * similarityExtremes(comparison.similarity); // 'Most alike: 001_… and 003_… (0.39); least alike: 000_… and 003_… (0.14)' (the seed story)
 */
export function similarityExtremes(section: SimilaritySection): string | undefined {
  const first = section.pairs[0];
  const last = section.pairs[section.pairs.length - 1];
  if (!first || !last || section.pairs.length < 2) return undefined;
  const pair = (entry: typeof first): string => `${isolateText(entry.a)} and ${isolateText(entry.b)} (${formatNumber(entry.score, 2)})`;
  return `Most alike: ${pair(first)}; least alike: ${pair(last)}`;
}
