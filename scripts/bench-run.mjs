// @ts-check
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, readSync, writeSync } from 'node:fs';
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

/**
 * CPU time of each of this process's threads, in ms, by thread id (Linux: /proc/self/task; empty
 * elsewhere). process.cpuUsage() gives only the sum over threads.
 * @returns {Map<string, number>}
 */
function threadCpuMs() {
  const threads = new Map();
  if (!existsSync('/proc/self/task')) return threads;
  const tick = 1000 / 100; // USER_HZ: 100 on Linux
  for (const id of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(id, (Number(fields[11]) + Number(fields[12])) * tick); // utime, stime
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

const jobs = Number(jobsArg);
// The threads before the pool (this one, V8's helpers, libuv's) tell the pool's workers apart.
const before = threadCpuMs();
const startupStart = performance.now();
const pool = framelens.createAnalyzePool({}, { jobs });
await pool.ready();
const startupMs = performance.now() - startupStart;

const threadsStart = threadCpuMs();
const cpuStart = process.cpuUsage();
// Page faults of the whole process (every thread) while it analyses: fresh memory touched, which
// this machine's wall and CPU times, noisy by ±20 %, hide; the count varies by a few per cent.
const faultsStart = process.resourceUsage().minorPageFault;
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
const threadsEnd = threadCpuMs();
await pool.close();
// CPU time of the run by thread: this (main) thread, the pool's worker threads, and the rest: V8's
// helper threads (the garbage collector's parallel and concurrent work, background compilation)
// and libuv's. Null where /proc is missing.
const threads = threadsEnd.size === 0 ? null : { mainMs: 0, workersMs: 0, helpersMs: 0 };
if (threads) {
  for (const [id, end] of threadsEnd) {
    const used = end - (threadsStart.get(id) ?? 0);
    if (id === String(process.pid)) threads.mainMs += used;
    else if (!before.has(id) && threadsStart.has(id)) threads.workersMs += used;
    else threads.helpersMs += used;
  }
}
const usage = process.resourceUsage();
const maxRssMb = usage.maxRSS / 1024;
const minorFaults = usage.minorPageFault - faultsStart;
// The report's SHA-1 (to compare runs) is taken after the clock stops and the peak memory is
// read, a chunk at a time: hashing is not framelens's work.
const hash = out === '/dev/null' ? undefined : createHash('sha1');
if (hash) {
  const chunk = Buffer.alloc(1 << 20);
  const input = openSync(out, 'r');
  for (let read = readSync(input, chunk); read > 0; read = readSync(input, chunk)) hash.update(chunk.subarray(0, read));
  closeSync(input);
}
process.stdout.write(`${JSON.stringify({ articles: input.articleCount, stories: result.stories, failures: result.failures.length, jobs, startupMs, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytesOut, sha1: hash ? hash.digest('hex') : null, maxRssMb, minorFaults, threads })}\n`);
