// Checks the built package as a consumer sees it: ESM import and CommonJS require through the
// exports map, named exports only, type declarations for both, and the bin on the seed corpus.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const esm = await import('framelens');
const cjs = require('framelens');
const expected = ['readArticle', 'analyzeArticle', 'analyzeStory', 'analyzeStories', 'classifyBlocks', 'FramelensError', 'ANALYZER_IDS'];
for (const name of expected) {
  assert.ok(name in esm, `ESM build exports ${name}`);
  assert.ok(name in cjs, `CommonJS build exports ${name}`);
}
assert.ok(!('default' in esm), 'no default export beside the named ones');
assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort(), 'ESM and CommonJS export the same names');

for (const condition of ['import', 'require']) {
  const types = pkg.exports['.'][condition].types;
  assert.ok(existsSync(new URL(`../${types}`, import.meta.url)), `${condition} types at ${types}`);
}

const text = readFileSync(new URL('../corpus/000_9cc5f9112ddb2de0.txt', import.meta.url), 'utf8');
const fromEsm = esm.analyzeStory({ id: 's', articles: [{ text, meta: { id: '000' } }] });
const fromCjs = cjs.analyzeStory({ id: 's', articles: [{ text, meta: { id: '000' } }] });
assert.deepEqual(JSON.parse(JSON.stringify(fromEsm)), JSON.parse(JSON.stringify(fromCjs)), 'both builds give the same report');

const bin = new URL(`../${pkg.bin.framelens}`, import.meta.url).pathname;
const out = execFileSync(process.execPath, [bin, 'analyze', new URL('../corpus', import.meta.url).pathname, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const report = JSON.parse(out);
assert.equal(report.stories.length, 1);
assert.equal(report.stories[0].articles.length, 5);
for (const article of report.stories[0].articles) {
  assert.ok(article.id && article.path && Array.isArray(article.blocks) && Array.isArray(article.findings), `article ${article.id} has id, path, blocks, findings`);
}
// The example scripts, run as the README runs them (`npm run example:seed` and the others): each
// imports the package by name, must finish and must print what it is there to show.
const examples = [
  ['compare-seed-story.mjs', /How each article names the event:\n(?:.*"[^"]+"\n){5}/],
  ['custom-lexicon.mjs', /\+ loaded-language \[newsroom\.[a-z-]+\]/],
  ['jsonl-corpus.mjs', /: 5 articles, \d+ findings, \d+ naming divergences, 0 failed/],
];
for (const [script, shows] of examples) {
  const printed = execFileSync(process.execPath, [new URL(`../examples/${script}`, import.meta.url).pathname], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.match(printed, shows, `examples/${script} prints ${shows}`);
}

console.log(`package check: ESM and CommonJS builds export ${Object.keys(esm).length} names with types; the bin reports ${report.stories[0].articles.length} seed articles; the ${examples.length} example scripts run`);
