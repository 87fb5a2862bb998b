import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStories } from '../src/analyze';
import { FramelensError } from '../src/errors';
import { collectStories, main } from '../src/cli';
import { createAnalyzePool } from '../src/parallel';
import { reportJsonLines } from '../src/report';
import { readJsonLines, streamStories, writeJsonLinesReport, writeJsonReport } from '../src/stream';

type Io = Parameters<typeof main>[1];

const noStdin = (): Uint8Array => new Uint8Array();

/** The report as the non-streaming path builds it: everything read, analysed, then stringified. */
function wholeReport(paths: readonly string[]): string {
  const { stories, failures } = collectStories(paths, noStdin);
  return `${JSON.stringify(analyzeStories(stories, {}, failures), null, 2)}\n`;
}

async function cliJson(argv: readonly string[], format = 'json'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    readStdin: noStdin,
  };
  const code = await main(['analyze', ...argv, '--format', format, '--jobs', '1'], io as unknown as Io);
  return { code, stdout, stderr };
}

const line = (record: Record<string, unknown>): string => JSON.stringify(record);
const article = (id: string, story: string | undefined, text: string): string => line({ id, ...(story ? { story } : {}), outlet: `Outlet ${id}`, text });

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-stream-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('streaming JSON Lines', () => {
  test('consecutive stories stream to the same JSON as the whole-report path', async () => {
    const path = join(dir, 'consecutive.jsonl');
    writeFileSync(path, [
      article('a1', 'quake', 'Rescuers searched the rubble on Tuesday.\nOfficials said 40 people died.'),
      article('a2', 'quake', 'The "terrorists" claimed the quake was a test, officials insisted.'),
      article('b1', 'vote', 'Voters went to the polls in Lisbon.'),
      article('b2', 'vote', 'The minister admitted the count was late.'),
    ].join('\n') + '\n');
    const { code, stdout } = await cliJson([path]);
    expect(code).toBe(0);
    expect(stdout).toBe(wholeReport([path]));
  });

  test('a story whose lines are scattered is reported once, where it first appeared', async () => {
    const path = join(dir, 'scattered.jsonl');
    writeFileSync(path, [
      article('a1', 'quake', 'Rescuers searched the rubble.'),
      article('b1', 'vote', 'Voters went to the polls.'),
      article('a2', 'quake', 'Officials said the toll rose.'),
      article('n1', undefined, 'A line without a story joins the file story.'),
    ].join('\n'));
    const { stdout } = await cliJson([path]);
    expect(stdout).toBe(wholeReport([path]));
    expect((JSON.parse(stdout) as { stories: { id: string }[] }).stories.map((story) => story.id)).toEqual(['quake', 'vote', 'scattered']);
  });

  test('bad lines, blank lines, CRLF and a byte-order mark give the same report and failures', async () => {
    const path = join(dir, 'messy.jsonl');
    writeFileSync(path, `\uFEFF${article('a1', 's', 'One sentence here.')}\r\n\r\n{oops\r\n${line({ id: 'x', story: 's' })}\r\n${article('a2', 's', 'Another sentence.')}\r\n`);
    const { code, stdout } = await cliJson([path]);
    expect(code).toBe(1);
    expect(stdout).toBe(wholeReport([path]));
  });

  test('a file that is not UTF-8 fails as it does without streaming', async () => {
    const path = join(dir, 'latin1.jsonl');
    writeFileSync(path, Buffer.from([...Buffer.from('{"id":"a","text":"caf'), 0xe9, ...Buffer.from('"}\n')]));
    const { code, stdout } = await cliJson([path]);
    expect(code).toBe(1);
    expect(stdout).toBe(wholeReport([path]));
  });

  test('JSON Lines files, a story folder and a missing path together', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'one.txt'), 'A folder article about the vote.');
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'second.jsonl');
    writeFileSync(first, [article('f1', 'vote', 'Voters queued.'), article('f2', 'folder', 'Same name as the folder.')].join('\n'));
    writeFileSync(second, article('s1', 'vote', 'The count began.'));
    const paths = [first, folder, join(dir, 'missing.jsonl'), second];
    const { stdout } = await cliJson(paths);
    expect(stdout).toBe(wholeReport(paths));
  });

  test('JSON Lines output: a compact line per story, then the failures, as the whole-report path gives them', async () => {
    const path = join(dir, 'lines-out.jsonl');
    writeFileSync(path, [article('a1', 'quake', 'Officials said 40 people died.'), '{"id": broken', article('b1', 'vote', 'Voters went to the polls.')].join('\n'));
    const paths = [path, join(dir, 'missing.txt')];
    const { code, stdout } = await cliJson(paths, 'jsonl');
    expect(code).toBe(1);
    const { stories, failures } = collectStories(paths, noStdin);
    expect(stdout).toBe(reportJsonLines(analyzeStories(stories, {}, failures)));
    const lines = stdout.trimEnd().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines.map((record) => Object.keys(record))).toEqual([
      ['schemaVersion', 'story'],
      ['schemaVersion', 'story'],
      ['schemaVersion', 'story'],
      ['schemaVersion', 'failure'],
    ]);
    // The broken line is a failure of the file's own story; the missing file belongs to no story.
    expect((lines[1]!.story as { failures: { code: string }[] }).failures.map((failure) => failure.code)).toEqual(['invalid-json']);
    expect((lines[3]!.failure as { code: string }).code).toBe('unreadable-path');
    expect(stdout.split('\n').every((text) => !text.startsWith(' '))).toBe(true);
  });

  test('JSON Lines output from two worker threads is the same text as from one', async () => {
    const stories = [0, 1, 2].map((n) => ({ id: `s${n}`, articles: [{ id: `a${n}`, text: `The minister claimed the vote number ${n} was "historic".` }] }));
    const texts: string[] = [];
    for (const jobs of [1, 2]) {
      const pool = createAnalyzePool({}, { jobs });
      let out = '';
      try {
        await writeJsonLinesReport(stories, [], pool, { write: (chunk) => void (out += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)) });
      } finally {
        await pool.close();
      }
      texts.push(out);
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]).toBe(reportJsonLines(analyzeStories(stories)));
  });

  test('bad arguments to the streamed writers fail before anything is written', async () => {
    const pool = createAnalyzePool({}, { jobs: 1 });
    let out = '';
    const sink = { write: (chunk: string | Uint8Array) => void (out += String(chunk)) };
    const stories = [{ id: 's', articles: [{ text: 'Officials said the talks would resume.' }] }];
    await expect(writeJsonLinesReport(stories, 'none' as never, pool, sink)).rejects.toMatchObject({ code: 'invalid-argument', field: 'failures' });
    await expect(writeJsonReport(stories, [], pool, sink, { ahead: Number.NaN })).rejects.toMatchObject({ code: 'invalid-option', field: 'ahead' });
    await expect(writeJsonLinesReport(stories, [], {} as never, sink)).rejects.toMatchObject({ code: 'invalid-argument', field: 'pool' });
    expect(out).toBe('');
  });

  test('a story with a value that outgrows the longest string is a typed failure, and the stories after it are written', async () => {
    // V8's string limit is simulated here: stringifying the id of story "huge" fails.
    const stringify = JSON.stringify;
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation((value: unknown, ...rest: unknown[]) => {
      const text = (stringify as (...args: unknown[]) => string)(value, ...rest);
      if (/"id": ?"huge"|^"huge"$/.test(text)) throw new RangeError('Invalid string length');
      return text;
    });
    const stories = ['before', 'huge', 'after'].map((id) => ({ id, articles: [{ id: `${id}-1`, text: 'Officials said the talks would resume.' }] }));
    const pool = createAnalyzePool({}, { jobs: 1 });
    let out = '';
    let indented = '';
    try {
      const result = await writeJsonLinesReport(stories, [], pool, { write: (chunk) => void (out += String(chunk)) });
      expect(result.stories).toBe(2);
      expect(result.failures).toEqual([expect.objectContaining({ code: 'story-too-large', input: 'huge' })]);
      expect(result.failures[0]!.message).toMatch(/^huge: a part of the report of this story of 1 articles is longer than the longest string/);
      await writeJsonReport(stories, [], pool, { write: (chunk) => void (indented += String(chunk)) });
    } finally {
      spy.mockRestore();
      await pool.close();
    }
    const lines = out.trimEnd().split('\n').map((text) => JSON.parse(text) as { story?: { id: string }; failure?: { code: string; input: string } });
    expect(lines.map((line) => line.story?.id ?? line.failure?.code)).toEqual(['before', 'after', 'story-too-large']);
    const report = JSON.parse(indented) as { stories: { id: string }[]; failures: { code: string; input: string }[] };
    expect(report.stories.map((story) => story.id)).toEqual(['before', 'after']);
    expect(report.failures).toEqual([expect.objectContaining({ code: 'story-too-large', input: 'huge' })]);
  });

  test('a typed error rebuilt from its failure keeps code, message and place', () => {
    const error = new FramelensError('story-too-large', 'too long', { input: 's1', line: 3, field: 'story' });
    const copy = FramelensError.fromFailure(error.toJSON());
    expect(copy).toBeInstanceOf(FramelensError);
    expect(copy.toJSON()).toEqual(error.toJSON());
    expect(copy.message).toBe('s1:line 3: too long');
  });

  test('no stories at all still writes the report shape', async () => {
    const pool = createAnalyzePool({}, { jobs: 1 });
    let out = '';
    await writeJsonReport([], [], pool, { write: (chunk) => void (out += chunk) });
    expect(out).toBe(`${JSON.stringify(analyzeStories([]), null, 2)}\n`);
  });

  test('stories are counted before they are read', () => {
    const path = join(dir, 'count.jsonl');
    writeFileSync(path, [article('a', 'x', 'One.'), article('b', 'y', 'Two.'), article('c', 'x', 'Three.')].join('\n'));
    const streamed = streamStories([path], { collect: (p) => collectStories([p], noStdin) });
    expect([streamed.storyCount, streamed.articleCount]).toEqual([2, 3]);
  });
});

describe('readJsonLines', () => {
  test('lines split across tiny reads and multi-byte characters come out whole', () => {
    const path = join(dir, 'chunks.jsonl');
    const lines = ['{"text":"Ça va — “oui” 😀"}', '', '{"text":"second"}', '{"text":"last"}'];
    writeFileSync(path, lines.join('\n'));
    const read = [...readJsonLines(path, 3)];
    expect(read).toEqual([
      { line: lines[0], number: 1 },
      { line: lines[2], number: 3 },
      { line: lines[3], number: 4 },
    ]);
  });
});
