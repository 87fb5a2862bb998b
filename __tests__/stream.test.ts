import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStories } from '../src/analyze';
import { FramelensError } from '../src/errors';
import { decodeJsonLines, jsonLineResult } from '../src/inputs';
import { collectStories, main } from '../src/cli';
import { createAnalyzePool } from '../src/parallel';
import { reportJsonLines } from '../src/report';
import { analyzeInOrder, readInputBytes, readJsonLines, streamStories, writableSink, writeJsonLinesReport, writeJsonReport } from '../src/stream';

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

  test('lone CR line ends (old Mac files) stream every record, as the whole-report path reads them', async () => {
    const path = join(dir, 'mac.jsonl');
    writeFileSync(path, [article('a1', 's', 'Rescuers searched the rubble.'), article('a2', 's', 'Officials said the toll rose.'), '', article('a3', 's', 'The minister admitted the count was late.')].join('\r') + '\r');
    const { code, stdout } = await cliJson([path]);
    expect(code).toBe(0);
    expect(stdout).toBe(wholeReport([path]));
    const story = (JSON.parse(stdout) as { stories: { articles: { id: string; line: number }[] }[] }).stories[0]!;
    expect(story.articles.map((item) => item.id)).toEqual(['a1', 'a2', 'a3']);
  });

  test('a line over the line limit is a text-too-large failure in its place, as decodeJsonLines gives it', () => {
    const path = join(dir, 'long-line.jsonl');
    writeFileSync(path, [article('a1', 's', 'Short.'), article('a2', 's', 'A line far longer than the limit of this test.'), article('a3', 's', 'Short too.')].join('\n'));
    const limit = Buffer.byteLength(article('a3', 's', 'Short too.'));
    const expected = decodeJsonLines(readFileSync(path), path, limit).map((item) => (item instanceof FramelensError ? item.toJSON() : item.meta!.id!));
    expect(expected.map((item) => (typeof item === 'string' ? item : item.code))).toEqual(['a1', 'text-too-large', 'a3']);
    for (const chunkSize of [5, 64, 1 << 20]) {
      const streamed = streamStories([path], { collect: (p) => collectStories([p], noStdin), chunkSize, maxLineBytes: limit });
      expect([streamed.storyCount, streamed.articleCount]).toEqual([2, 3]); // the failed line belongs to the file's story
      const stories = [...streamed.stories].map((story) => [story.id, story.articles.map((item) => (item instanceof FramelensError ? item.toJSON() : item.meta!.id))]);
      expect(stories).toEqual([
        ['s', [expected[0], expected[2]]],
        ['long-line', [expected[1]]],
      ]);
    }
    expect((expected[1] as { message: string }).message).toBe(`${path}:line 2: the line has ${Buffer.byteLength(article('a2', 's', 'A line far longer than the limit of this test.'))} bytes, more than the limit of ${limit}`);
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
    const stories = [0, 1, 2].map((n) => ({ id: `s${n}`, articles: [{ text: `The minister claimed the vote number ${n} was "historic".`, meta: { id: `a${n}` } }] }));
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
    expect(texts[0]).toContain('"loaded-language"'); // the articles were analysed, not failed
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
    const stories = ['before', 'huge', 'after'].map((id) => ({ id, articles: [{ text: 'Officials said the talks would resume.', meta: { id: `${id}-1` } }] }));
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

  test('a bad story in an array fails the writer before anything is written', async () => {
    const pool = createAnalyzePool({}, { jobs: 1 });
    let out = '';
    const good = { id: 's', articles: [{ text: 'Officials said the talks would resume.' }] };
    await expect(writeJsonReport([good, null, good] as never, [], pool, { write: (chunk) => void (out += String(chunk)) })).rejects.toMatchObject({ code: 'invalid-argument', field: 'stories[1]' });
    await expect(writeJsonLinesReport([good, { id: 7, articles: [] }] as never, [], pool, { write: (chunk) => void (out += String(chunk)) })).rejects.toMatchObject({ code: 'invalid-argument', field: 'stories[1].id' });
    expect(out).toBe('');
  });

  test('a bad story from a generator is a failure of the report, and the stories after it are written', async () => {
    const pool = createAnalyzePool({}, { jobs: 1 });
    const good = (id: string) => ({ id, articles: [{ text: 'Officials said the talks would resume.' }] });
    function* stories(): Generator<unknown> {
      yield good('before');
      yield 'not a story';
      yield good('after');
    }
    let out = '';
    const result = await writeJsonReport(stories() as Iterable<never>, [], pool, { write: (chunk) => void (out += String(chunk)) });
    const failure = { code: 'invalid-argument', message: 'a story must be an object {id: string, articles: array}, got string', field: 'stories[1]' };
    expect(result).toEqual({ stories: 2, failures: [failure] });
    const report = JSON.parse(out) as { stories: { id: string }[]; failures: unknown[] };
    expect(report.stories.map((story) => story.id)).toEqual(['before', 'after']);
    expect(report.failures).toEqual([failure]);
    expect(out).toBe(`${JSON.stringify({ ...analyzeStories([good('before'), good('after')]), failures: [failure] }, null, 2)}\n`);
  });

  test('stories, sinks, streams and options that are not what the writers take are typed errors', async () => {
    const pool = createAnalyzePool({}, { jobs: 1 });
    const sink = { write: () => undefined };
    await expect(writeJsonReport(null as never, [], pool, sink)).rejects.toMatchObject({ code: 'invalid-argument', field: 'stories' });
    await expect(writeJsonLinesReport([], [], pool, null as never)).rejects.toMatchObject({ code: 'invalid-argument', field: 'sink' });
    await expect(writeJsonReport([], [], pool, sink, { ahaed: 2 } as never)).rejects.toMatchObject({ code: 'invalid-option', field: 'ahaed' });
    await expect(analyzeInOrder(null as never, pool)).rejects.toMatchObject({ code: 'invalid-argument', field: 'stories' });
    await expect(analyzeInOrder([{ id: 's', articles: 'text' }] as never, pool)).rejects.toMatchObject({ code: 'invalid-argument', field: 'stories[0].articles' });
    expect(() => writableSink(null as never)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'stream' }));
    expect(() => writableSink({ write: () => true, once: 'drain' } as never)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'stream' }));
  });

  test('stories are counted before they are read', () => {
    const path = join(dir, 'count.jsonl');
    writeFileSync(path, [article('a', 'x', 'One.'), article('b', 'y', 'Two.'), article('c', 'x', 'Three.')].join('\n'));
    const streamed = streamStories([path], { collect: (p) => collectStories([p], noStdin) });
    expect([streamed.storyCount, streamed.articleCount]).toEqual([2, 3]);
  });
});

describe('streamStories options', () => {
  const collect = jest.fn(() => ({ stories: [], failures: [] }));

  test.each([0, -5, Number.NaN, '10', 1.5])('chunkSize %p is invalid-option, not a file read as empty', (chunkSize) => {
    const path = join(dir, 'one.jsonl');
    writeFileSync(path, article('a1', 's', 'One.'));
    expect(() => streamStories([path], { collect, chunkSize } as never)).toThrow(expect.objectContaining({ code: 'invalid-option', field: 'chunkSize' }));
  });

  test('an unknown option, a missing collect and a bad line limit are invalid-option', () => {
    expect(() => streamStories([], { collect, chunksize: 10 } as never)).toThrow(expect.objectContaining({ code: 'invalid-option', field: 'chunksize' }));
    expect(() => streamStories([], {} as never)).toThrow(expect.objectContaining({ code: 'invalid-option', field: 'collect' }));
    expect(() => streamStories([], { collect, maxLineBytes: 0 })).toThrow(expect.objectContaining({ code: 'invalid-option', field: 'maxLineBytes' }));
  });

  test('paths and options that are not an array and an object are invalid-argument', () => {
    expect(() => streamStories(null as never, { collect })).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'paths' }));
    expect(() => streamStories([42] as never, { collect })).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'paths[0]' }));
    expect(() => streamStories([], null as never)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'options' }));
    expect(collect).not.toHaveBeenCalled();
  });
});

describe('readInputBytes', () => {
  test('a JSON Lines file too big to read whole (over 2 GiB) is text-too-large, pointing to the streamed formats', () => {
    const big = join(dir, 'sparse.jsonl');
    writeFileSync(big, '{"text": "Officials said the talks would resume."}\n');
    truncateSync(big, 2 ** 31); // sparse: no disk space, and the size is refused before any byte is read
    try {
      expect(() => readInputBytes(big, 'sparse.jsonl', true)).toThrow(expect.objectContaining({ code: 'text-too-large', input: 'sparse.jsonl', message: expect.stringContaining('--format json or jsonl streams it') }));
    } finally {
      rmSync(big);
    }
  });

  test('a device that never ends stops past the limit with text-too-large', () => {
    if (!existsSync('/dev/zero')) return;
    expect(() => readInputBytes('/dev/zero', '/dev/zero', false, 5000)).toThrow(expect.objectContaining({ code: 'text-too-large', input: '/dev/zero', message: '/dev/zero: the input has more than 5000 bytes, the limit; it was read no further' }));
    expect(() => readInputBytes('/dev/zero', '/dev/zero', true, 5000)).toThrow(expect.objectContaining({ code: 'text-too-large' }));
  });

  test('a text file over the limit is refused from its size; a JSON Lines file is read whole, its limit is per line', () => {
    const path = join(dir, 'limit.txt');
    writeFileSync(path, 'Gantz met Hamada in Tokyo.');
    expect(() => readInputBytes(path, path, false, 10)).toThrow(expect.objectContaining({ code: 'text-too-large', message: `${path}: the file has 26 bytes, more than the limit of 10` }));
    expect(Buffer.from(readInputBytes(path, path, false, 26)).toString()).toBe('Gantz met Hamada in Tokyo.');
    expect(Buffer.from(readInputBytes(path, path, true, 10)).toString()).toBe('Gantz met Hamada in Tokyo.');
    expect(() => readInputBytes(join(dir, 'missing.txt'), 'missing.txt', false)).toThrow(expect.objectContaining({ code: 'unreadable-path', input: 'missing.txt' }));
  });
});

describe('readJsonLines', () => {
  test('a missing path is unreadable-path when called, and bad arguments are invalid-argument', () => {
    expect(() => readJsonLines(join(dir, 'nonexistent.jsonl'))).toThrow(expect.objectContaining({ code: 'unreadable-path', message: `${join(dir, 'nonexistent.jsonl')}: cannot read: ENOENT` }));
    expect(() => readJsonLines(dir, 0)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'chunkSize' }));
    expect(() => [...readJsonLines(dir)]).toThrow(expect.objectContaining({ code: 'unreadable-path', input: dir }));
  });

  test('LF, CRLF and lone CR line ends split across reads of every size keep lines and numbers', () => {
    const path = join(dir, 'ends.jsonl');
    const lines = ['{"text":"one"}', '{"text":"two"}', '', '{"text":"Ça — 😀"}', '', '{"text":"last"}'];
    const ends = ['\r\n', '\r', '\r', '\n', '\r\n', ''];
    writeFileSync(path, `\uFEFF${lines.map((text, index) => text + ends[index]).join('')}`);
    const expected = lines.map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => line !== '');
    for (let chunkSize = 1; chunkSize <= 20; chunkSize++) expect([...readJsonLines(path, chunkSize)]).toEqual(expected);
  });

  test('read in chunks of any size, a file gives line for line what decodeJsonLines gives it whole', () => {
    const path = join(dir, 'mixed.jsonl');
    const parts = [
      Buffer.from('\uFEFF{"id":"a","text":"One."}\r\n'),
      Buffer.from('{"id":"b","text":"Ça — 😀"}\r'),
      Buffer.from('\r\n'), // a blank line between a lone CR and a CRLF
      Buffer.concat([Buffer.from('{"id":"c","text":"bad '), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
      Buffer.from(`{"id":"d","text":"${'long '.repeat(12)}"}\n`),
      Buffer.from('{"id":"e","text":\n'),
      Buffer.from('   \n{"id":"f","text":"Last."}'),
    ];
    writeFileSync(path, Buffer.concat(parts));
    const limit = 50;
    const shown = (item: unknown): unknown => (item instanceof FramelensError ? item.toJSON() : item);
    const whole = decodeJsonLines(readFileSync(path), path, limit).map(shown);
    expect(whole.map((item) => (item as { code?: string }).code ?? (item as { meta: { id: string } }).meta.id)).toEqual(['a', 'b', 'invalid-utf8', 'text-too-large', 'invalid-json', 'f']);
    for (let chunkSize = 1; chunkSize <= 24; chunkSize++) {
      const streamed = [...readJsonLines(path, chunkSize, true, limit)].map((item) => shown(item instanceof FramelensError ? item : jsonLineResult(item.line, path, item.number)));
      expect(streamed).toEqual(whole);
    }
  });

  test('a device that never ends stops at the line limit instead of hanging', () => {
    if (!existsSync('/dev/zero')) return;
    const read = [...readJsonLines('/dev/zero', 4096, true, 10_000)];
    expect(read).toEqual([expect.objectContaining({ code: 'text-too-large', input: '/dev/zero', line: 1 })]);
    expect((read[0] as FramelensError).message).toBe('/dev/zero:line 1: the line has more than 10000 bytes, the limit; this input is not a regular file and was read no further');
  });

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
