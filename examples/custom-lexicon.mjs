// Add your own lexicon entries and drop shipped ones, then see what changes.
// examples/custom-lexicon.json adds two loaded words and a hedge and removes "loaded.historic";
// the same file works on the command line:
//
//   framelens analyze corpus --lexicon examples/custom-lexicon.json
//
//   npm run build            # once (npm install does it too)
//   node examples/custom-lexicon.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeStory, validateLexicon } from 'framelens';

const file = new URL('./custom-lexicon.json', import.meta.url);
const raw = JSON.parse(readFileSync(file, 'utf8'));
// validateLexicon checks each entry (id, terms, category, note, source) and names the bad one.
const lexicon = {
  add: Object.fromEntries(Object.entries(raw.add).map(([name, entries]) => [name, validateLexicon(name, entries, file.pathname)])),
  remove: raw.remove,
};

const corpus = new URL('../corpus/', import.meta.url);
const story = {
  id: 'japan-israel-defense-memorandum',
  articles: readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ text: readFileSync(new URL(name, corpus), 'utf8'), meta: { id: name.replace(/\.txt$/, '') } })),
};

const key = (finding) => `${finding.analyzer} ${finding.rule} ${finding.start}-${finding.end}`;
const before = analyzeStory(story);
const after = analyzeStory(story, { lexicon });

for (const [index, article] of after.articles.entries()) {
  const old = new Map(before.articles[index].findings.map((finding) => [key(finding), finding]));
  const now = new Map(article.findings.map((finding) => [key(finding), finding]));
  const added = [...now.values()].filter((finding) => !old.has(key(finding)));
  const removed = [...old.values()].filter((finding) => !now.has(key(finding)));
  if (added.length === 0 && removed.length === 0) continue;
  console.log(article.id);
  for (const finding of added) console.log(`  + ${finding.analyzer} [${finding.rule}] "${finding.text}" at ${finding.start}`);
  for (const finding of removed) console.log(`  - ${finding.analyzer} [${finding.rule}] "${finding.text}" at ${finding.start}`);
}
