import { readFileSync } from 'node:fs';
import { analyzeArticle, type AnalyzedArticle } from '../src/analyze';
import { readArticle } from '../src/article';
import { compareStory } from '../src/compare';
import { getNlp } from '../src/nlp';
import { storyJsonParts } from '../src/parallel';
import { REPORT_SCHEMA_VERSION } from '../src/report';

/**
 * Where framelens's time goes, stage by stage, on the TypeScript sources: wink's `readDoc` with
 * framelens's pipe, the rest of reading an article (lines, tokens, quotes, boilerplate), the
 * analyzers, the story comparison and the JSON text. CPU milliseconds, one thread.
 *
 * Usage: tsx scripts/bench-stages.ts [ARTICLES=300]
 */
const limit = Number(process.argv[2] ?? 300);
const file = new URL('../../shared/bench/news-sample.jsonl', import.meta.url);
let lines: string[];
try {
  lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').slice(0, limit);
} catch {
  console.log(`bench-stages: ${file.pathname} is missing; nothing to measure`);
  process.exit(0);
}
const records = lines.map((line) => JSON.parse(line) as { id: string; outlet: string; title: string; text: string });

const cpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const nlp = getNlp();
readArticle('Warm up the model.');
analyzeArticle(readArticle('Officials said the talks would resume.'));

let t = cpu();
for (const record of records) nlp.readDoc(record.text).tokens().out(nlp.its.pos);
const winkMs = cpu() - t;

t = cpu();
const articles = records.map((record) => readArticle(record.text, { id: record.id, outlet: record.outlet, title: record.title }));
const readMs = cpu() - t;

t = cpu();
const items: AnalyzedArticle[] = articles.map((article) => ({ article, report: analyzeArticle(article) }));
const analyzeMs = cpu() - t;

t = cpu();
const stories = [];
for (let i = 0; i < items.length; i += 5) {
  const group = items.slice(i, i + 5);
  stories.push({ id: `story-${i / 5}`, articles: group.map((item) => item.report), failures: [], comparison: compareStory(group) });
}
const compareMs = cpu() - t;

t = cpu();
let bytes = 0;
for (const story of stories) for (const part of storyJsonParts(story, null)) bytes += part.length; // compact, as --format jsonl writes it
const jsonMs = cpu() - t;

const total = readMs + analyzeMs + compareMs + jsonMs;
const row = (name: string, ms: number): string => `${name.padEnd(44)}${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(6)} %`;
console.log(`${records.length} articles, schema ${REPORT_SCHEMA_VERSION}, JSON ${(bytes / 1e6).toFixed(1)} MB`);
console.log(row("  of which wink readDoc (sbd+pos, whole text)", winkMs));
console.log(row('read (lines, wink, tokens, quotes, boilerplate)', readMs));
console.log(row('analyzers, actors, tone', analyzeMs));
console.log(row('story comparison', compareMs));
console.log(row('JSON text (JSON Lines)', jsonMs));
console.log(row('total', total));
