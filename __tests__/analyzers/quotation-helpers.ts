import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findLines, readArticle, type Article } from '../../src/article';
import { findActors } from '../../src/actors';
import { createContext, type Analyzer, type AnalyzerContext } from '../../src/analyzers';
import type { AnalyzerId, Finding, FindingOf } from '../../src/findings';
import { DEFAULT_LEXICONS } from '../../src/lexicons';
import { seedId, seedText } from '../helpers/corpus';

/** The folder of expected seed findings: one folder per seed, one file per analyzer. */
export const SEED_FINDINGS_DIR = join(__dirname, '..', 'fixtures', 'seed-findings');
export const SEEDS = ['000', '001', '002', '003', '004'] as const;

/** An article whose every line is body text, so short test texts are never set apart as furniture. */
export function bodyArticle(text: string, id = 'test'): Article {
  const forceRoles: Record<number, 'body'> = {};
  findLines(text).forEach((_line, index) => (forceRoles[index] = 'body'));
  return readArticle(text, { id }, { boilerplate: { forceRoles } });
}

/** A seed article as the CLI reads it. */
export function seedArticle(prefix: string): Article {
  return readArticle(seedText(prefix), { id: seedId(prefix) });
}

/** The analyzer context the pipeline builds: shipped lexicons and the article's actors. */
export function contextFor(article: Article): AnalyzerContext {
  return createContext(DEFAULT_LEXICONS, findActors(article));
}

/** Run one analyzer the way `analyzeArticle` does. */
export function runAnalyzer<A extends AnalyzerId>(analyzer: Analyzer<A>, article: Article): FindingOf<A>[] {
  return analyzer.analyze(article, contextFor(article));
}

/** The key fields a fixture line shows for a finding of each of these analyzers. */
export function keyOf(finding: Finding): string {
  switch (finding.analyzer) {
    case 'scare-quote':
      return `term=${finding.term}`;
    case 'quote':
      return `speaker=${finding.speaker ?? '-'}${finding.speakerVia ? ` (${finding.speakerVia})` : ''};partial=${finding.partial}`;
    case 'attribution':
      return `stance=${finding.stance};verb=${finding.verb};speaker=${finding.speaker ?? '-'}${finding.speakerVia ? ` (${finding.speakerVia})` : ''}`;
    case 'credit':
      return `kind=${finding.kind};source=${finding.source}`;
    default:
      return finding.rule;
  }
}

/** A finding as one fixture line: `<start>-<end> <analyzer> <key fields> "<evidence>"`. */
export function fixtureLine(finding: Finding): string {
  return `${finding.start}-${finding.end} ${finding.analyzer} ${keyOf(finding)} ${JSON.stringify(finding.text)}`;
}

/** The expected lines of a seed for one analyzer (an absent file means no findings). */
export function readFixture(seed: string, analyzer: AnalyzerId): string[] {
  const path = join(SEED_FINDINGS_DIR, seed, `${analyzer}.txt`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}
