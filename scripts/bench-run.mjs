// @ts-check
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * One measured framelens run for the benchmark, in its own process so that its peak memory is its
 * own: the built package's streaming path (the CLI's `--format json`, or `jsonl`) over a JSON Lines file, the
 * report written to OUT. Prints one JSON line, with a SHA-1 of the report to compare runs (null when
 * OUT is /dev/null).
 *
 * Plain JavaScript, so that no TypeScript loader runs in the measured process: tsx alone adds
 * ~55 MB to a process's resident memory, which is not framelens's.
 *
 * Usage: node scripts/bench-run.mjs FILE.jsonl JOBS [OUT] [json|jsonl]
 * The package is loaded from FRAMELENS_DIST (a directory) if set, else from dist/.
 */
const [file, jobsArg, out = '/dev/null', format = 'json'] = process.argv.slice(2);
if (!file || !jobsArg) throw new Error('usage: bench-run.mjs FILE.jsonl JOBS [OUT] [json|jsonl]');
const dist = pathToFileURL(resolve(process.env.FRAMELENS_DIST ?? resolve(import.meta.dirname, '..', 'dist'), 'index.js')).href;
/** @type {typeof import('../src/index')} */
const framelens = await import(dist);

const jobs = Number(jobsArg);
const startupStart = performance.now();
const pool = framelens.createAnalyzePool({}, { jobs });
await pool.ready();
const startupMs = performance.now() - startupStart;

const cpuStart = process.cpuUsage();
const start = performance.now();
const input = framelens.streamStories([file], {
  collect: () => {
    throw new Error('the benchmark reads JSON Lines only');
  },
});
const fd = openSync(out, 'w');
let bytesOut = 0;
const write = format === 'jsonl' ? framelens.writeJsonLinesReport : framelens.writeJsonReport;
const result = await write(input.stories, input.failures, pool, {
  /** @param {string | Uint8Array} chunk */
  write: (chunk) => {
    // writeSync returns the bytes it wrote: counting them with Buffer.byteLength was a second UTF-8
    // pass over the 86 MB report, ~0.1 s of the harness's own in framelens's measured time.
    bytesOut += typeof chunk === 'string' ? writeSync(fd, chunk) : writeSync(fd, chunk);
  },
});
closeSync(fd);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
await pool.close();
const maxRssMb = process.resourceUsage().maxRSS / 1024;
// The report's SHA-1 (to compare runs) is taken after the clock stops and the peak memory is
// read, a chunk at a time: hashing is not framelens's work.
const hash = out === '/dev/null' ? undefined : createHash('sha1');
if (hash) {
  const chunk = Buffer.alloc(1 << 20);
  const input = openSync(out, 'r');
  for (let read = readSync(input, chunk); read > 0; read = readSync(input, chunk)) hash.update(chunk.subarray(0, read));
  closeSync(input);
}
process.stdout.write(`${JSON.stringify({ articles: input.articleCount, stories: result.stories, failures: result.failures.length, jobs, startupMs, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytesOut, sha1: hash ? hash.digest('hex') : null, maxRssMb })}\n`);
