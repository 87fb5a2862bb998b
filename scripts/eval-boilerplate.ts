/**
 * Content detection on ../shared/eval/boilerplate-dev.jsonl (see its README for the metric): each
 * page's lines are joined with "\n" and read with readArticle; a line counts as content when at
 * least half of its characters fall in blocks with role `body`. Prints line and character
 * precision, recall and F1, without and with the cross-article pass (pages of the same site).
 *
 *   npm run eval:boilerplate [-- --errors] [-- --pages]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLines, readArticle, type Article } from '../src/article';
import { classifyBlocks, findRecurringLines } from '../src/boilerplate';

interface Page {
  readonly id: string;
  readonly url: string;
  readonly lines: readonly string[];
  readonly content: readonly boolean[];
}

const here = dirname(fileURLToPath(import.meta.url));
const DATA = resolve(here, '..', '..', 'shared', 'eval', 'boilerplate-dev.jsonl');

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
  const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Which lines of the page the article calls content (≥ half of the line's characters in body blocks). */
function predictContent(page: Page, article: Article): boolean[] {
  const body = new Uint8Array(article.text.length);
  for (const block of article.blocks) if (block.role === 'body') body.fill(1, block.start, block.end);
  const predicted: boolean[] = [];
  let offset = 0;
  for (const line of page.lines) {
    let inBody = 0;
    for (let i = offset; i < offset + line.length; i++) inBody += body[i]!;
    predicted.push(line.length > 0 && inBody * 2 >= line.length);
    offset += line.length + 1;
  }
  return predicted;
}

function evaluate(pages: readonly Page[], articles: readonly Article[], showErrors: boolean, showPages = false): { line: Counts; char: Counts } {
  const line: Counts = { tp: 0, fp: 0, fn: 0 };
  const char: Counts = { tp: 0, fp: 0, fn: 0 };
  pages.forEach((page, index) => {
    const article = articles[index]!;
    const predicted = predictContent(page, article);
    if (showPages) {
      const own: Counts = { tp: 0, fp: 0, fn: 0 };
      page.lines.forEach((text, i) => {
        if (page.content[i] && predicted[i]) own.tp += text.length;
        else if (predicted[i]) own.fp += text.length;
        else if (page.content[i]) own.fn += text.length;
      });
      const { precision, recall } = score(own);
      console.log(`page char precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}  ${page.url.slice(0, 90)}`);
    }
    page.lines.forEach((text, i) => {
      const truth = page.content[i]!;
      const guess = predicted[i]!;
      const chars = text.length;
      if (truth && guess) {
        line.tp++;
        char.tp += chars;
      } else if (guess) {
        line.fp++;
        char.fp += chars;
      } else if (truth) {
        line.fn++;
        char.fn += chars;
      }
      if (showErrors && truth !== guess && text.trim() !== '') {
        const block = article.blocks.find((b) => b.start >= page.lines.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0));
        console.log(`${truth ? 'MISSED' : 'EXTRA '} ${page.url.slice(0, 40)} [${block?.role}/${block?.kind ?? ''} ${block?.rule ?? ''}] ${text.slice(0, 140)}`);
      }
    });
  });
  return { line, char };
}

function format(label: string, counts: Counts): string {
  const { precision, recall, f1 } = score(counts);
  return `${label.padEnd(6)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`The development data is not here (${DATA}): nothing to evaluate. It ships beside the repository as ../shared/eval.`);
    return;
  }
  const showErrors = process.argv.includes('--errors');
  const pages: Page[] = readFileSync(DATA, 'utf8').split('\n').filter((row) => row.trim() !== '').map((row) => JSON.parse(row) as Page);
  // CPU time rather than wall time: the machine may be shared.
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const started = process.cpuUsage();
  const articles = pages.map((page) => readArticle(page.lines.join('\n'), { id: page.id, url: page.url }));
  const readMs = cpuMs(started);

  // The cross-article pass sees the pages of one site together, as a story of one outlet would be.
  const texts = pages.map((page) => page.lines.join('\n'));
  const recurring = findRecurringLines(pages.map((page, index) => ({ text: texts[index]!, meta: { url: page.url } })));
  const withRecurring = pages.map((page, index) => readArticle(texts[index]!, { id: page.id, url: page.url }, { boilerplate: { recurring: recurring[index]! } }));
  const sites = new Map<string, number>();
  for (const page of pages) sites.set(hostOf(page.url), (sites.get(hostOf(page.url)) ?? 0) + 1);

  const single = evaluate(pages, articles, false, process.argv.includes('--pages'));
  const corpus = evaluate(pages, withRecurring, showErrors);
  const chars = pages.reduce((sum, page) => sum + page.lines.join('\n').length, 0);
  console.log(`boilerplate-dev: ${pages.length} pages, ${pages.reduce((sum, page) => sum + page.lines.length, 0)} lines, ${chars} characters`);
  console.log('Each page alone:');
  console.log(`  ${format('line', single.line)}`);
  console.log(`  ${format('char', single.char)}`);
  console.log(`With lines recurring across pages of the same site (${[...sites.values()].filter((count) => count > 1).length} sites with 2+ pages):`);
  console.log(`  ${format('line', corpus.line)}`);
  console.log(`  ${format('char', corpus.char)}`);
  // The classifier alone, on the same texts: lines, features, phrases, context (no NLP).
  for (const text of texts) classifyBlocks(text, findLines(text));
  const classifyStarted = process.cpuUsage();
  for (let round = 0; round < 5; round++) for (const text of texts) classifyBlocks(text, findLines(text));
  const classifyMs = cpuMs(classifyStarted) / 5;
  console.log(`CPU time: readArticle (tokens, sentences, quotes, roles) ${(readMs / 1000).toFixed(2)} s; block classification alone ${classifyMs.toFixed(0)} ms (${(chars / 1e6 / (classifyMs / 1000)).toFixed(1)} MB/s)`);
}

main();
