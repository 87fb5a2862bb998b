import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../src/analyze';
import { readArticle } from '../src/article';
import { hostileCases, spanProblems } from '../__tests__/helpers/hostile';

/**
 * The hostile-input benchmark (`npm run bench:hostile`; `npm run bench` runs it last): a 10 MB
 * article and 1 MB versions of every odd input of issue 8 (a single long line, one huge token,
 * thousands of unbalanced quotation marks, right-to-left scripts, emoji and joiners, CRLF, a BOM,
 * all boilerplate, all quotes, ...) through readArticle + analyzeArticle. For each it prints the
 * time, the throughput, and the growth exponent from a run at a quarter of the size (1 is linear;
 * above 1.3 is flagged), checks every offset, and ends with the worst case. Exits 1 when an offset
 * is wrong or a case throws.
 *
 * Usage: tsx scripts/bench-hostile.ts [--size CHARS] [--big CHARS] [--only NAME] [--no-scaling] [--json]
 *   --size CHARS   size of the odd cases (default 1,000,000)
 *   --big CHARS    size of the big-article case (default 10,000,000)
 *   --only NAME    run the cases whose name contains NAME
 *   --no-scaling   skip the quarter-size runs (no growth exponent)
 *   --json         print one JSON object instead of the table
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const size = Number(option('--size') ?? 1_000_000);
const big = Number(option('--big') ?? 10_000_000);
const only = option('--only');
const scaling = !args.includes('--no-scaling');
const json = args.includes('--json');

interface Result {
  readonly name: string;
  readonly chars: number;
  readonly readMs: number;
  readonly analyzeMs: number;
  readonly totalMs: number;
  /** Processor time of this process (user + system): what other load on the machine skews least. */
  readonly cpuMs: number;
  readonly mbPerS: number;
  readonly findings: number;
  readonly quotes: number;
  /** log(cpu / cpu_quarter) / log(4): 1 grows linearly, 2 quadratically. */
  readonly exponent?: number;
  readonly problems: readonly string[];
  readonly error?: string;
}

const corpus = join(root, 'corpus');
const seed = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(join(corpus, name), 'utf8').trim())
  .join('\n\n');

function time(text: string): { readMs: number; analyzeMs: number; cpuMs: number; problems: string[]; findings: number; quotes: number } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const article = readArticle(text, { id: 'hostile' });
  const t1 = performance.now();
  const report = analyzeArticle(article);
  const t2 = performance.now();
  const used = process.cpuUsage(cpu);
  return { readMs: t1 - t0, analyzeMs: t2 - t1, cpuMs: (used.user + used.system) / 1000, problems: spanProblems(article, report), findings: report.findings.length, quotes: article.quotes.length };
}

function run(name: string, text: string, quarter: string | undefined): Result {
  try {
    let exponent: number | undefined;
    let quarterCpuMs: number | undefined;
    if (quarter !== undefined) quarterCpuMs = time(quarter).cpuMs;
    const measured = time(text);
    const totalMs = measured.readMs + measured.analyzeMs;
    // Below ~20 ms the quarter run is mostly noise.
    if (quarterCpuMs !== undefined && quarterCpuMs > 20) exponent = Math.log(measured.cpuMs / quarterCpuMs) / Math.log(text.length / quarter!.length);
    return {
      name,
      chars: text.length,
      readMs: measured.readMs,
      analyzeMs: measured.analyzeMs,
      totalMs,
      cpuMs: measured.cpuMs,
      mbPerS: text.length / 1e6 / (totalMs / 1000),
      findings: measured.findings,
      quotes: measured.quotes,
      ...(exponent !== undefined ? { exponent } : {}),
      problems: measured.problems,
    };
  } catch (error) {
    return { name, chars: text.length, readMs: 0, analyzeMs: 0, totalMs: 0, cpuMs: 0, mbPerS: 0, findings: 0, quotes: 0, problems: [], error: String(error) };
  }
}

analyzeArticle(readArticle(seed, { id: 'warm-up' }));

const results: Result[] = [];
const cases = hostileCases(size, seed).filter((hostile) => only === undefined || hostile.name.includes(only));
const quarters = new Map(hostileCases(Math.round(size / 4), seed).map((hostile) => [hostile.name, hostile.text]));
for (const hostile of cases) {
  const isBig = hostile.name === 'big article';
  const text = isBig ? hostileCases(big, seed)[0]!.text : hostile.text;
  const quarter = !scaling ? undefined : isBig ? hostileCases(Math.round(big / 4), seed)[0]!.text : quarters.get(hostile.name);
  const result = run(hostile.name, text, quarter);
  results.push(result);
  if (!json) {
    const flag = result.error ? `  THREW ${result.error}` : result.problems.length > 0 ? `  OFFSETS WRONG: ${result.problems.slice(0, 2).join('; ')}` : result.exponent !== undefined && result.exponent > 1.3 ? '  super-linear?' : '';
    console.log(
      `${result.name.padEnd(30)} ${(result.chars / 1e6).toFixed(2).padStart(6)} MB ${result.readMs.toFixed(0).padStart(7)} ms read ${result.analyzeMs.toFixed(0).padStart(7)} ms analyze ${result.cpuMs.toFixed(0).padStart(7)} ms cpu ${result.mbPerS.toFixed(2).padStart(6)} MB/s ${result.exponent !== undefined ? `n^${result.exponent.toFixed(2)}` : '     '}${flag}`,
    );
  }
  (globalThis as { gc?: () => void }).gc?.();
}

const worst = results.reduce<Result | undefined>((slowest, result) => (!slowest || result.totalMs > slowest.totalMs ? result : slowest), undefined);
const failed = results.filter((result) => result.error !== undefined || result.problems.length > 0);
if (json) {
  console.log(JSON.stringify({ size, big, results, worst: worst?.name, worstMs: worst?.totalMs, failed: failed.map((result) => result.name) }));
} else if (worst) {
  console.log(`worst hostile case: ${worst.name}, ${worst.totalMs.toFixed(0)} ms for ${(worst.chars / 1e6).toFixed(2)} MB (${worst.mbPerS.toFixed(2)} MB/s)`);
  const steepest = results.filter((result) => result.exponent !== undefined).sort((a, b) => b.exponent! - a.exponent!)[0];
  if (steepest) console.log(`steepest growth: ${steepest.name}, n^${steepest.exponent!.toFixed(2)}`);
  console.log(failed.length === 0 ? 'every offset in bounds and equal to its evidence' : `FAILED: ${failed.map((result) => result.name).join(', ')}`);
}
process.exitCode = failed.length > 0 ? 1 : 0;
