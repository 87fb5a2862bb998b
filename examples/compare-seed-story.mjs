// Compare the seed story: five outlets on Japan and Israel signing a defense memorandum.
// Prints how the articles name the actors and the event and what sets each apart, then writes
// the full report as HTML and Markdown.
//
//   npm run build            # once (npm install does it too)
//   node examples/compare-seed-story.mjs
//
// Inside this repository the package imports itself by name; in your project, `npm install framelens`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStory, renderHtml, renderMarkdown } from 'framelens';

const corpus = new URL('../corpus/', import.meta.url);
const files = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort();
const story = analyzeStory({
  id: 'japan-israel-defense-memorandum',
  articles: files.map((name) => ({ text: readFileSync(new URL(name, corpus), 'utf8'), meta: { id: name.replace(/\.txt$/, '') } })),
});
const { comparison } = story;

console.log(`${story.articles.length} articles, ${story.failures.length} failed\n`);

console.log('How each article names the event:');
for (const wording of comparison.event.articles) console.log(`  ${wording.article}  "${wording.wording}"`);

console.log('\nWhere the articles name an actor differently:');
for (const actor of comparison.naming) {
  for (const divergence of actor.divergences) {
    const variants = divergence.variants.map((variant) => `"${variant.value}" (${variant.articles.length})`).join(', ');
    console.log(`  ${actor.name}, ${divergence.kind}: ${variants}`);
  }
}

console.log('\nFindings per 1,000 body tokens:');
for (const article of story.articles) {
  const scores = Object.entries(article.scores).filter(([, score]) => score > 0).map(([id, score]) => `${id} ${score}`);
  console.log(`  ${article.id}  ${scores.join(', ') || '-'}`);
}

console.log('\nWhat sets each article apart (strongest first):');
for (const summary of comparison.summary) console.log(`  ${summary.article}  ${summary.items.map((item) => item.kind).join(', ') || '-'}`);

const report = { schemaVersion: 1, stories: [story], failures: [] };
const html = join(tmpdir(), 'framelens-seed-story.html');
const markdown = join(tmpdir(), 'framelens-seed-story.md');
writeFileSync(html, renderHtml(report, { title: 'Japan and Israel sign a defense memorandum' }));
writeFileSync(markdown, renderMarkdown(report));
console.log(`\nFull report: ${html} (open in a browser) and ${markdown}`);
