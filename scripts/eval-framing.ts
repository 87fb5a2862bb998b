/**
 * Framing findings against the loaded-wording ("lex") spans of ../shared/eval/basil-dev (see its
 * README for the metric): span recall is the share of "lex" spans that some framing finding
 * overlaps, precision the share of framing findings that overlap a "lex" span. The framing
 * findings are those of the issue: scare quotes, labels, attribution with a non-neutral stance,
 * loaded language and hedges (title choices are not wording judgements and are left out), outside
 * boilerplate blocks, as the article scores count them. Every registered analyzer runs, with the
 * shipped lexicons.
 *
 *   npm run eval:framing [-- --skip hedge,label] [-- --rules]   (--rules: break down by lexicon entry)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticle } from '../src/article';
import { analyzeArticle } from '../src/analyze';
import { isFramingFinding, type Finding } from '../src/findings';

interface LabelledSpan {
  readonly start: number;
  readonly end: number;
  readonly bias: string;
}

interface LabelledFile {
  readonly triplet: string;
  readonly outlet: string;
  readonly file: string;
  readonly spans: readonly LabelledSpan[];
}

const here = dirname(fileURLToPath(import.meta.url));
const EVAL = resolve(here, '..', '..', 'shared', 'eval');
const TEXTS = join(EVAL, 'basil-dev');
const LABELS = join(EVAL, 'basil-dev-labels.jsonl');
const byRule = process.argv.includes('--rules');

/** The findings the framing evaluation counts: framing findings outside boilerplate (what the scores count). */
function isEvaluated(finding: Finding): boolean {
  return finding.analyzer !== 'title-choice' && isFramingFinding(finding) && !finding.boilerplate;
}

/** A finding's group in the breakdown: its analyzer, and for lexical ones its category or stance (or its rule with --rules). */
function groupsOf(finding: Finding): string[] {
  if (byRule) return [finding.analyzer, `${finding.analyzer}/${finding.rule}`];
  switch (finding.analyzer) {
    case 'loaded-language':
    case 'hedge':
      return [finding.analyzer, `${finding.analyzer}/${finding.category}`];
    case 'label':
      return [finding.analyzer, `label/${finding.family}`];
    case 'attribution':
      return [finding.analyzer, `attribution/${finding.stance}`];
    default:
      return [finding.analyzer];
  }
}

interface Tally {
  findings: number;
  precise: number;
  spans: Set<string>;
}

function main(): void {
  if (!existsSync(LABELS) || !existsSync(TEXTS)) {
    console.log(`eval:framing: no evaluation data at ${EVAL} (basil-dev/ and basil-dev-labels.jsonl); nothing to measure.`);
    return;
  }
  const args = process.argv.slice(2);
  const skipAt = args.indexOf('--skip');
  const skip = skipAt !== -1 ? new Set((args[skipAt + 1] ?? '').split(',').filter(Boolean)) : new Set<string>();
  const files = readFileSync(LABELS, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as LabelledFile);

  let lexSpans = 0;
  let covered = 0;
  let findingsTotal = 0;
  let precise = 0;
  let tokens = 0;
  const tallies = new Map<string, Tally>();
  const started = Date.now();
  for (const labelled of files) {
    const path = join(TEXTS, labelled.file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const article = readArticle(text, { id: labelled.file });
    const report = analyzeArticle(article);
    tokens += article.tokens.length;
    const lex = labelled.spans.filter((span) => span.bias === 'lex');
    const findings = report.findings.filter((finding) => isEvaluated(finding) && !skip.has(finding.analyzer));
    const hit = new Uint8Array(lex.length);
    for (const finding of findings) {
      let overlaps = false;
      lex.forEach((span, index) => {
        if (finding.start < span.end && span.start < finding.end) {
          overlaps = true;
          hit[index] = 1;
          for (const group of groupsOf(finding)) tally(tallies, group).spans.add(`${labelled.file}#${index}`);
        }
      });
      findingsTotal++;
      if (overlaps) precise++;
      for (const group of groupsOf(finding)) {
        const entry = tally(tallies, group);
        entry.findings++;
        if (overlaps) entry.precise++;
      }
    }
    lexSpans += lex.length;
    covered += hit.reduce((sum, value) => sum + value, 0);
  }

  const recall = covered / Math.max(1, lexSpans);
  const precision = precise / Math.max(1, findingsTotal);
  console.log(`BASIL dev: ${files.length} articles, ${tokens} tokens, ${lexSpans} "lex" spans (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`framing findings: ${findingsTotal} (${((findingsTotal * 1000) / Math.max(1, tokens)).toFixed(1)} per 1,000 tokens)`);
  console.log(`span recall ${recall.toFixed(3)} (${covered}/${lexSpans}), precision ${precision.toFixed(3)} (${precise}/${findingsTotal})`);
  console.log('');
  console.log(`by analyzer / ${byRule ? 'rule    ' : 'category'}        findings  per 1k  precision  spans hit  recall`);
  for (const [group, entry] of [...tallies.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const row = [
      group.padEnd(28),
      String(entry.findings).padStart(9),
      ((entry.findings * 1000) / Math.max(1, tokens)).toFixed(1).padStart(7),
      (entry.precise / Math.max(1, entry.findings)).toFixed(3).padStart(10),
      String(entry.spans.size).padStart(10),
      (entry.spans.size / Math.max(1, lexSpans)).toFixed(3).padStart(7),
    ];
    console.log(row.join(' '));
  }
}

function tally(tallies: Map<string, Tally>, group: string): Tally {
  let entry = tallies.get(group);
  if (!entry) {
    entry = { findings: 0, precise: 0, spans: new Set() };
    tallies.set(group, entry);
  }
  return entry;
}

main();
