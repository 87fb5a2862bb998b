/**
 * Micro-benchmark of the story comparison (analysis excluded): a story of 50 articles made from
 * the seed corpus, and one story whose articles grow 1×, 2×, 4× and 8× in length, to show that
 * the comparison grows with the text and not with its square.
 *
 * Run: npx tsx scripts/bench-compare.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticle } from '../src/article';
import { analyzeArticle } from '../src/analyze';
import { compareStory, type ComparedArticle } from '../src/compare';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');
const seeds = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(corpus, name), 'utf8'));

/** Seed text with its paragraphs after the first rotated by `shift`, so copies are not identical. */
function variant(text: string, shift: number): string {
  const paragraphs = text.split(/\n+/).filter((line) => line.trim() !== '');
  const [head, ...rest] = paragraphs;
  const k = rest.length > 0 ? shift % rest.length : 0;
  return [head, ...rest.slice(k), ...rest.slice(0, k)].join('\n\n');
}

function analyze(texts: readonly string[]): ComparedArticle[] {
  return texts.map((text, index) => {
    const article = readArticle(text, { id: `a${String(index).padStart(3, '0')}` });
    return { article, report: analyzeArticle(article) };
  });
}

/** Median CPU time of compareStory in milliseconds (CPU, not wall clock: the machine may be shared). */
function time(items: readonly ComparedArticle[], runs: number): number {
  compareStory(items);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    compareStory(items);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

const fifty = analyze(Array.from({ length: 50 }, (_, index) => variant(seeds[index % seeds.length]!, Math.floor(index / seeds.length))));
const words = fifty.reduce((sum, item) => sum + item.article.tokens.length, 0);
console.log(`50 articles, ${words} tokens: compareStory median ${time(fifty, 7).toFixed(1)} ms CPU`);

for (const factor of [1, 2, 4, 8]) {
  const texts = seeds.map((text, index) => Array.from({ length: factor }, (_, copy) => variant(text, copy + index)).join('\n\n'));
  const items = analyze(texts);
  const tokens = items.reduce((sum, item) => sum + item.article.tokens.length, 0);
  console.log(`5 articles ×${factor} length, ${tokens} tokens: compareStory median ${time(items, 5).toFixed(1)} ms CPU`);
}
