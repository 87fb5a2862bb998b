// Analyse a JSON Lines corpus: one article per line, {"id", "text", "story"?, "outlet"?, "date"?,
// "title"?, "url"?}. Lines with the same "story" are compared with each other; a bad line is
// reported with its line number and the rest are analysed all the same.
//
//   npm run build            # once (npm install does it too)
//   node examples/jsonl-corpus.mjs                       # examples/stories.jsonl (the seed story)
//   node examples/jsonl-corpus.mjs path/to/corpus.jsonl  # your own; the CLI reads the same files:
//   framelens analyze path/to/corpus.jsonl --out report.html
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FramelensError, analyzeStories, parseJsonLines, renderMarkdown } from 'framelens';

const path = process.argv[2] ?? fileURLToPath(new URL('./stories.jsonl', import.meta.url));
const stories = new Map();
for (const record of parseJsonLines(readFileSync(path, 'utf8'), path)) {
  // A refused line is kept as its error: the report lists it among the story's failures.
  const story = record instanceof FramelensError ? 'unreadable-lines' : (record.story ?? 'corpus');
  if (!stories.has(story)) stories.set(story, []);
  stories.get(story).push(record instanceof FramelensError ? record : { text: record.text, meta: record.meta });
}

const report = analyzeStories([...stories].map(([id, articles]) => ({ id, articles })));
for (const story of report.stories) {
  const findings = story.articles.reduce((sum, article) => sum + article.findings.length, 0);
  const divergences = story.comparison.naming.reduce((sum, actor) => sum + actor.divergences.length, 0);
  console.log(`${story.id}: ${story.articles.length} articles, ${findings} findings, ${divergences} naming divergences, ${story.failures.length} failed`);
  for (const article of story.articles) {
    const outlet = article.meta.outlet ? ` (${article.meta.outlet})` : '';
    const top = story.comparison.summary.find((summary) => summary.article === article.id)?.items[0];
    console.log(`  ${article.id}${outlet}: ${top ? `stands out for ${top.kind}` : 'nothing stands out'}`);
  }
  for (const failure of story.failures) console.log(`  failed: ${failure.message}`);
}

const out = join(tmpdir(), 'framelens-jsonl-report.md');
writeFileSync(out, renderMarkdown(report));
console.log(`\nMarkdown report: ${out}`);
