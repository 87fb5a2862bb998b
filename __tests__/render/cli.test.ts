import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { CORPUS_DIR } from '../helpers/corpus';

type Io = Parameters<typeof main>[1];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process; `tty` makes standard error look like a terminal. */
async function run(argv: readonly string[], tty = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true), isTTY: tty, columns: 80 },
    readStdin: () => Buffer.from(''),
  };
  const code = await main(argv, io as unknown as Io);
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-render-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framelens analyze --format', () => {
  test('html writes one self-contained page', async () => {
    const { code, stdout } = await run(['analyze', CORPUS_DIR, '--format', 'html', '--jobs', '1']);
    expect(code).toBe(0);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    expect(stdout).not.toMatch(/<script/i);
  });

  test('md writes the Markdown report', async () => {
    const { code, stdout } = await run(['analyze', CORPUS_DIR, '--format=md', '--jobs', '1']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# framelens report\n')).toBe(true);
  });

  test('the format follows the --out extension when --format is not given', async () => {
    const html = join(dir, 'report.html');
    const markdown = join(dir, 'report.md');
    const text = join(dir, 'report.txt');
    expect((await run(['analyze', CORPUS_DIR, '--out', html, '--jobs', '1'])).code).toBe(0);
    expect((await run(['analyze', CORPUS_DIR, '--out', markdown, '--jobs', '1'])).code).toBe(0);
    expect((await run(['analyze', CORPUS_DIR, '--out', text, '--format', 'md', '--jobs', '1'])).code).toBe(0);
    expect(readFileSync(html, 'utf8').startsWith('<!doctype html>')).toBe(true);
    expect(readFileSync(markdown, 'utf8').startsWith('# framelens report')).toBe(true);
    expect(readFileSync(text, 'utf8').startsWith('# framelens report')).toBe(true);
  });

  test('an unknown format is a usage error (exit code 2)', async () => {
    const { code, stderr } = await run(['analyze', CORPUS_DIR, '--format', 'pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of json, jsonl, md, html, text');
  });

  test('--help lists the formats, examples and exit codes', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('json, jsonl (JSON Lines: a compact line per story), md (Markdown)');
    expect(stdout).toContain('framelens analyze corpus --out report.html');
    expect(stdout).toMatch(/Exit codes: 0 all inputs analysed, 1 some inputs failed[\s\S]*2 usage error/);
  });
});

describe('progress on standard error', () => {
  /** Five copies of the seed story, each its own story (the same folder given twice would repeat its ids). */
  const fiveStories = (): string[] =>
    [1, 2, 3, 4, 5].map((n) => {
      const copy = join(dir, `story-${n}`);
      cpSync(CORPUS_DIR, copy, { recursive: true });
      return copy;
    });

  test('is never drawn when standard error is not a terminal', async () => {
    const { stderr } = await run(['analyze', ...fiveStories(), '--format', 'md', '--jobs', '1']);
    expect(stderr).not.toContain('articles');
  });

  test('is drawn on a terminal for a big run and erased at the end, never on standard output', async () => {
    const { stdout, stderr } = await run(['analyze', ...fiveStories(), '--format', 'md', '--jobs', '1'], true);
    expect(stderr).toMatch(/\r\[[#·]+\] \d+\/25 articles/);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).not.toContain('\r');
  });
});
