// @ts-check
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The bare wink-nlp pass the benchmark compares framelens with: the default pipe's `readDoc` over
 * every article text, and the tokens read out. Runs in its own process (a second wink instance in
 * framelens's process would disturb the first). Prints one JSON line.
 *
 * Plain JavaScript, like bench-run.mjs, so that no TypeScript loader runs in the measured process.
 *
 * Usage: node scripts/bench-wink.mjs FILE.jsonl
 */
const file = process.argv[2];
if (!file) throw new Error('usage: bench-wink.mjs FILE.jsonl');
const texts = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => /** @type {{ text: string }} */ (JSON.parse(line)).text);

const loadStart = performance.now();
const nlp = winkNLP(model);
nlp.readDoc('Warm up.');
const loadMs = performance.now() - loadStart;

const cpuStart = process.cpuUsage();
const start = performance.now();
let tokens = 0;
for (const text of texts) tokens += nlp.readDoc(text).tokens().out().length;
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);

let chars = 0;
let bytes = 0;
for (const text of texts) {
  chars += text.length;
  bytes += Buffer.byteLength(text);
}
process.stdout.write(`${JSON.stringify({ articles: texts.length, tokens, chars, bytes, loadMs, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
