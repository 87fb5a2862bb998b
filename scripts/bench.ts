import { execFile, execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * framelens's benchmark (`npm run bench`, after a build): the 1,500 articles of
 * ../shared/bench/news-sample.jsonl in stories of five, through the built package's streaming path,
 * against wink-nlp's default `readDoc` over the same texts. Each measurement runs in its own process,
 * so each peak memory figure is that run's own.
 *
 * framelens writes JSON Lines (`--format jsonl`); one run writes the indented JSON report instead.
 * Prints articles/s, MB/s, peak RSS, the framelens / bare-wink ratio on one thread, the speed-up of
 * two jobs over one, and time and memory at 1x and 4x the corpus; then the hostile-input benchmark
 * if scripts/bench-hostile.ts exists.
 *
 * Usage: tsx scripts/bench.ts [--repeat N] [--quick]
 *   --repeat N   run each measurement N times and keep the fastest (a busy machine skews one run)
 *   --quick      300 articles and no 4x run, to try the harness
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '..', 'shared', 'bench', 'news-sample.jsonl');
const args = process.argv.slice(2);
const repeat = Math.max(1, Number(args[args.indexOf('--repeat') + 1] ?? 1) || 1);
const quick = args.includes('--quick');

if (!existsSync(source)) {
  console.log(`bench: ${source} is not there; nothing to measure (the corpus is not part of the project).`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'worker.js'))) {
  console.log('bench: build first (npm run bench does: npm run build && tsx scripts/bench.ts)');
  process.exit(1);
}

interface WinkRun {
  readonly articles: number;
  readonly tokens: number;
  readonly bytes: number;
  readonly loadMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

interface FramelensRun {
  readonly articles: number;
  readonly stories: number;
  readonly failures: number;
  readonly jobs: number;
  readonly startupMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly bytesOut: number;
  readonly sha1: string | null;
  readonly maxRssMb: number;
  /** Page faults while analysing (the whole process). */
  readonly minorFaults: number;
  /** CPU time by thread (null without /proc): this thread, the pool's workers, V8's and libuv's helpers. */
  readonly threads: { readonly mainMs: number; readonly workersMs: number; readonly helpersMs: number } | null;
}

/**
 * A private copy of the build, so that a rebuild in the working tree during the benchmark cannot
 * change the code between runs (inside node_modules, so the package's dependencies resolve).
 */
const dist = join(root, 'node_modules', '.cache', 'framelens-bench', 'dist');

/**
 * Run a measuring script in a fresh Node process and parse its JSON line. The measuring scripts
 * are plain JavaScript: a TypeScript loader (tsx) would add ~55 MB to the peak memory measured.
 */
function child<T>(script: string, scriptArgs: readonly string[]): T {
  const out = execFileSync(process.execPath, [join(root, 'scripts', script), ...scriptArgs], {
    cwd: root,
    env: { ...process.env, FRAMELENS_DIST: dist },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** `child`, without waiting: for runs that go at the same time. */
function childAsync<T>(script: string, scriptArgs: readonly string[]): Promise<T> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(root, 'scripts', script), ...scriptArgs], { cwd: root, env: { ...process.env, FRAMELENS_DIST: dist }, encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) fail(error);
      else done(JSON.parse(stdout.trim().split('\n').pop()!) as T);
    });
  });
}

/**
 * The ceiling two jobs can reach here: two separate processes of one job each, on the two halves
 * of the corpus at once (nothing shared but the machine). Returns the slower half's time, and the
 * two processes' CPU time and peak memory added up.
 */
async function twoProcesses(halves: readonly [string, string], reports: readonly [string, string]): Promise<FramelensRun> {
  const [a, b] = await Promise.all(halves.map((half, index) => childAsync<FramelensRun>('bench-run.mjs', [half, '1', reports[index]!, 'jsonl'])));
  return { ...(a!.ms >= b!.ms ? a! : b!), cpuMs: a!.cpuMs + b!.cpuMs, maxRssMb: a!.maxRssMb + b!.maxRssMb, minorFaults: a!.minorFaults + b!.minorFaults };
}

/** The first and second half of a corpus file, each a whole number of stories of five. */
function splitCorpus(path: string, dir: string): [string, string] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
  const middle = Math.floor(lines.length / 10) * 5;
  const halves: [string, string] = [join(dir, 'half-1.jsonl'), join(dir, 'half-2.jsonl')];
  writeFileSync(halves[0], `${lines.slice(0, middle).join('\n')}\n`);
  writeFileSync(halves[1], `${lines.slice(middle).join('\n')}\n`);
  return halves;
}

/** A run's page faults while analysing, in thousands. */
function faults(run: FramelensRun): string {
  return `${fixed(run.minorFaults / 1000, 0)}k page faults`;
}

/** The fastest of `repeat` runs (by wall time); memory is the largest seen. */
function best<T extends { ms: number; maxRssMb: number }>(run: () => T): T {
  let fastest: T | undefined;
  let maxRssMb = 0;
  for (let i = 0; i < repeat; i++) {
    const result = run();
    maxRssMb = Math.max(maxRssMb, result.maxRssMb);
    if (!fastest || result.ms < fastest.ms) fastest = result;
  }
  return { ...fastest!, maxRssMb };
}

/** The benchmark corpus `times` over, with distinct ids and a `story` field grouping five articles. */
async function writeCorpus(path: string, times: number, limit: number): Promise<number> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length >= limit) break;
  }
  const out: string[] = [];
  for (let copy = 0; copy < times; copy++) {
    lines.forEach((line, index) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      const suffix = copy === 0 ? '' : `~${copy + 1}`;
      out.push(JSON.stringify({ ...record, id: `${String(record.id)}${suffix}`, story: `story-${String(Math.floor(index / 5)).padStart(4, '0')}${suffix}` }));
    });
  }
  writeFileSync(path, `${out.join('\n')}\n`);
  return lines.length * times;
}

/**
 * What two threads get on this machine, for reading the speed-up: a pure compute loop, and
 * allocation-heavy JavaScript (objects, strings, JSON), which is what analysis is.
 */
async function machineParallelism(): Promise<{ compute: number; allocation: number }> {
  const compute = `let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(x);`;
  const allocation = `const keep = []; for (let r = 0; r < 25; r++) { const a = []; for (let i = 0; i < 200000; i++) a.push({ s: 'w' + i, n: i, v: [i, i + 1] }); keep.push(JSON.stringify(a.slice(0, 20000))); if (keep.length > 5) keep.shift(); } require('node:worker_threads').parentPort.postMessage(keep.length);`;
  const time = async (code: string, threads: number): Promise<number> => {
    const start = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((done) => new Worker(code, { eval: true }).once('message', done))));
    return performance.now() - start;
  };
  const speedUp = async (code: string): Promise<number> => (2 * (await time(code, 1))) / (await time(code, 2));
  return { compute: await speedUp(compute), allocation: await speedUp(allocation) };
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const check = (ok: boolean): string => (ok ? 'yes' : 'NO');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  rmSync(dist, { recursive: true, force: true });
  cpSync(join(root, 'dist'), dist, { recursive: true });
  try {
    const limit = quick ? 300 : Infinity;
    const one = join(dir, 'corpus-1x.jsonl');
    const four = join(dir, 'corpus-4x.jsonl');
    const report = join(dir, 'report.out'); // each run's report, hashed once its clock has stopped
    const articles = await writeCorpus(one, 1, limit);
    if (!quick) await writeCorpus(four, 4, limit);
    const cores = availableParallelism();
    console.log(`framelens benchmark: ${articles} articles in stories of five (${fixed(statSync(source).size / 1e6)} MB file), Node ${process.version}, ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`);
    console.log(`each figure is the fastest of ${repeat} run(s); times exclude loading the model (reported apart)\n`);

    const wink = best(() => child<WinkRun>('bench-wink.mjs', [one]));
    const mb = wink.bytes / 1e6;
    const line = (name: string, ms: number, cpuMs: number, rss: number, extra = '', times = 1): void => {
      console.log(`${name.padEnd(34)}${fixed(ms / 1000, 2).padStart(8)} s ${fixed(cpuMs / 1000, 2).padStart(8)} s cpu ${fixed((times * articles * 1000) / ms).padStart(8)} art/s ${fixed((times * mb * 1000) / ms, 2).padStart(6)} MB/s ${fixed(rss, 0).padStart(6)} MB RSS  ${extra}`);
    };
    console.log(`${''.padEnd(34)}${'wall'.padStart(10)} ${'cpu'.padStart(14)} ${'articles'.padStart(14)} ${'text'.padStart(11)} ${'peak'.padStart(12)}`);
    line('wink-nlp readDoc, default pipe', wink.ms, wink.cpuMs, wink.maxRssMb, `(${wink.tokens} tokens, model load ${fixed(wink.loadMs / 1000, 2)} s)`);

    // JSON Lines (compact, a line per story) is the output for corpora of thousands of articles;
    // the indented JSON report is timed once beside it.
    const single = best(() => child<FramelensRun>('bench-run.mjs', [one, '1', report, 'jsonl']));
    line('framelens, 1 job', single.ms, single.cpuMs, single.maxRssMb, `(start-up ${fixed(single.startupMs / 1000, 2)} s, report ${fixed(single.bytesOut / 1e6, 0)} MB of JSON Lines, ${faults(single)})`);
    const indented = best(() => child<FramelensRun>('bench-run.mjs', [one, '1', report, 'json']));
    line('framelens, 1 job, indented JSON', indented.ms, indented.cpuMs, indented.maxRssMb, `(report ${fixed(indented.bytesOut / 1e6, 0)} MB, ${faults(indented)})`);
    const double = best(() => child<FramelensRun>('bench-run.mjs', [one, '2', report, 'jsonl']));
    line('framelens, 2 jobs', double.ms, double.cpuMs, double.maxRssMb, `(start-up ${fixed(double.startupMs / 1000, 2)} s, ${faults(double)})`);
    const halves = splitCorpus(one, dir);
    let apart: FramelensRun | undefined;
    for (let i = 0; i < repeat; i++) {
      const run = await twoProcesses(halves, [join(dir, 'half-1.out'), join(dir, 'half-2.out')]);
      if (!apart || run.ms < apart.ms) apart = run;
    }
    line('two 1-job processes, half each', apart!.ms, apart!.cpuMs, apart!.maxRssMb, `(at once: wall of the slower, CPU, RSS and ${faults(apart!)} of both)`);
    let scaled: FramelensRun | undefined;
    if (!quick) {
      scaled = best(() => child<FramelensRun>('bench-run.mjs', [four, String(Math.min(2, cores)), report, 'jsonl']));
      line(`framelens, 4x corpus, ${scaled.jobs} jobs`, scaled.ms, scaled.cpuMs, scaled.maxRssMb, `(${scaled.articles} articles, ${faults(scaled)})`, 4);
    }

    const ratioCpu = single.cpuMs / wink.cpuMs;
    const ratioWall = single.ms / wink.ms;
    const speedUp = single.ms / double.ms;
    console.log('');
    console.log(`ratio framelens / bare wink, one thread: ${fixed(ratioCpu, 2)} by CPU time, ${fixed(ratioWall, 2)} by wall time (target <= 1.0: ${check(ratioCpu <= 1)}); with the indented JSON report ${fixed(indented.cpuMs / wink.cpuMs, 2)} by CPU time`);
    const machine = await machineParallelism();
    console.log(`speed-up with 2 jobs: ${fixed(speedUp, 2)}x (target >= 1.6 on two cores: ${check(speedUp >= 1.6)}); two threads on this machine now: ${fixed(machine.compute, 2)}x for a compute loop, ${fixed(machine.allocation, 2)}x for allocation-heavy code`);
    console.log(`two separate 1-job processes, each on half the corpus at once: ${fixed(single.ms / apart!.ms, 2)}x the speed of one (the most two jobs can get from this machine for this work)`);
    console.log(`same report with 1 and 2 jobs: ${check(single.sha1 !== null && single.sha1 === double.sha1)} (sha1 ${(single.sha1 ?? 'none').slice(0, 12)})`);
    if (single.threads && double.threads) {
      // Where the second job's time goes: the analysis itself (main thread with one job, the workers
      // with two) and V8's helper threads (mostly the garbage collector's parallel and concurrent work).
      const one = single.threads;
      const two = double.threads;
      const seconds = (ms: number): string => `${fixed(ms / 1000)} s`;
      console.log(
        `CPU by thread: 1 job: analysis ${seconds(one.mainMs)}, helpers ${seconds(one.helpersMs)}; 2 jobs: analysis ${seconds(two.workersMs)} in the workers, ` +
          `main thread ${seconds(two.mainMs)}, helpers ${seconds(two.helpersMs)} (analysis ${fixed(two.workersMs / one.mainMs, 2)}x, helpers ${fixed(two.helpersMs / one.helpersMs, 2)}x the 1-job CPU)`,
      );
    }
    if (scaled) {
      const base = scaled.jobs === 2 ? double : single;
      const growth = scaled.cpuMs / base.cpuMs;
      const wallGrowth = scaled.ms / base.ms;
      console.log(`4x the corpus took ${fixed(growth, 2)}x the CPU time, ${fixed(Math.sqrt(growth), 2)}x per doubling (target <= 2: ${check(growth <= 4)}); wall time ${fixed(wallGrowth, 2)}x`);
      console.log(`peak RSS: ${fixed(base.maxRssMb, 0)} MB at 1x, ${fixed(scaled.maxRssMb, 0)} MB at 4x (${scaled.articles} articles; target < 400 MB: ${check(scaled.maxRssMb < 400)})`);
    }

    console.log('\nstory comparison after analysis (scripts/bench-compare.ts; target: 50 articles < 1 s):');
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-compare.ts')], { cwd: root, stdio: 'inherit' });
    } catch (error) {
      console.log(`the comparison benchmark failed (exit ${(error as { status?: number }).status ?? '?'})`);
      process.exitCode = 1;
    }

    const hostile = join(root, 'scripts', 'bench-hostile.ts');
    if (existsSync(hostile)) {
      console.log('\nhostile inputs (scripts/bench-hostile.ts):');
      try {
        execFileSync(process.execPath, ['--import', 'tsx', hostile, ...(quick ? ['--no-scaling'] : [])], { cwd: root, stdio: 'inherit' });
      } catch (error) {
        console.log(`the hostile-input benchmark failed (exit ${(error as { status?: number }).status ?? '?'})`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}

await main();
