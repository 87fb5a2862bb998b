import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli';
import { createAnalyzePool } from '../src/parallel';
import type { InputFailure } from '../src/errors';
import type { FramelensReport } from '../src/report';
import { seedText } from './helpers/corpus';

// Seams for what cannot be set up for real in a test run as root: a folder that cannot be listed,
// and the number of threads a run starts.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, readdirSync: jest.fn(actual.readdirSync) };
});
jest.mock('../src/parallel', () => {
  const actual = jest.requireActual<typeof import('../src/parallel')>('../src/parallel');
  return { ...actual, createAnalyzePool: jest.fn(actual.createAnalyzePool) };
});

type Io = Parameters<typeof main>[1];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in-process with captured output and the given standard input (or standard output). */
async function run(argv: readonly string[], stdin: string | Uint8Array = '', out?: Writable): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: out ?? { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    readStdin: () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : Buffer.from(stdin)),
  };
  const code = await main(argv, io as unknown as Io);
  return { code, stdout, stderr };
}

async function runJson(argv: readonly string[], stdin?: string | Uint8Array): Promise<Run & { report: FramelensReport; failures: InputFailure[] }> {
  const result = await run([...argv, '--format', 'json'], stdin);
  const report = JSON.parse(result.stdout) as FramelensReport;
  return { ...result, report, failures: [...report.failures, ...report.stories.flatMap((story) => story.failures)] };
}

const articleIds = (report: FramelensReport): string[] => report.stories.flatMap((story) => story.articles.map((article) => article.id)).sort();

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-cli-'));
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  writeFileSync(join(batch, 'good.txt'), seedText('000'));
  writeFileSync(join(batch, 'empty.txt'), '');
  writeFileSync(join(batch, 'blank.md'), ' \r\n\t\n\u200b\n');
  writeFileSync(join(batch, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(join(batch, 'latin1.txt'), Buffer.concat([Buffer.from('Gantz met Hamada at the caf'), Buffer.from([0xe9]), Buffer.from(' in Tokyo.\n')]));
  writeFileSync(
    join(batch, 'news.jsonl'),
    [
      JSON.stringify({ id: 'wire-1', text: 'Gantz met Hamada in Tokyo on Tuesday.', outlet: 'Wire' }),
      '{"id": "wire-2", "text": "Broken',
      JSON.stringify({ id: 'wire-3', title: 'No text here' }),
      JSON.stringify({ id: 'wire-4', text: ' \n ' }),
      '',
      JSON.stringify({ id: 'wire-6', text: 'Japan and Israel agreed to work together.' }),
    ].join('\n'),
  );
  writeFileSync(join(dir, 'mixed.jsonl'), Buffer.concat([Buffer.from('{"id": "m1", "text": "Gantz met Hamada."}\n{"id": "m2", "text": "caf'), Uint8Array.of(0xe9), Buffer.from('"}\n{"id": "m3", "text": "Japan and Israel agreed."}\n')]));
  writeFileSync(join(dir, 'bad-lexicon.json'), JSON.stringify({ add: { loaded: [{ id: 'x', terms: ['a'], category: 'emotive', note: '', source: 7 }] } }));
  writeFileSync(join(dir, 'proto-actors.json'), '[{"name": "Gantz", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}]');
  writeFileSync(join(dir, 'bad-actors.json'), JSON.stringify([{ name: 'Gantz' }, { aliases: ['Hamada'] }]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch with bad inputs', () => {
  test('lists every failure with its code, path and line, analyses the rest, and exits 1', async () => {
    const batch = join(dir, 'batch');
    const { code, failures, report, stderr } = await runJson(['analyze', batch]);
    expect(code).toBe(1);
    const listed = failures.map((failure) => [failure.code, failure.input, failure.line]).sort((a, b) => String(a).localeCompare(String(b)));
    expect(listed).toEqual(
      [
        ['binary-content', join(batch, 'binary.txt'), undefined],
        ['empty-text', join(batch, 'blank.md'), undefined],
        ['empty-text', join(batch, 'empty.txt'), undefined],
        ['empty-text', join(batch, 'news.jsonl'), 4],
        ['invalid-json', join(batch, 'news.jsonl'), 2],
        ['invalid-utf8', join(batch, 'latin1.txt'), undefined],
        ['missing-field', join(batch, 'news.jsonl'), 3],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(failures.find((failure) => failure.code === 'invalid-utf8')!.message).toContain('byte 27');
    expect(failures.find((failure) => failure.code === 'missing-field')!.field).toBe('text');
    expect(articleIds(report)).toEqual(['good', 'wire-1', 'wire-6']);
    // Every failure is also said on standard error, one line each.
    expect(stderr.trim().split('\n')).toHaveLength(failures.length);
  });

  test('on two threads the same failures are listed and the same articles analysed', async () => {
    const one = await runJson(['analyze', join(dir, 'batch')]);
    const two = await runJson(['analyze', join(dir, 'batch'), '--jobs', '2']);
    expect(two.code).toBe(1);
    expect(two.failures).toEqual(one.failures);
    expect(articleIds(two.report)).toEqual(articleIds(one.report));
  }, 60_000);

  test('the text report names every failure too', async () => {
    const { code, stdout } = await run(['analyze', join(dir, 'batch')]);
    expect(code).toBe(1);
    for (const name of ['binary.txt', 'blank.md', 'empty.txt', 'latin1.txt', 'news.jsonl:line 2', 'news.jsonl:line 3', 'news.jsonl:line 4']) expect(stdout).toContain(name);
  });

  test('a JSON Lines file with a bad byte loses only that line', async () => {
    const mixed = join(dir, 'mixed.jsonl');
    const { code, failures, report } = await runJson(['analyze', mixed]);
    expect(code).toBe(1);
    expect(failures.map((failure) => [failure.code, failure.input, failure.line])).toEqual([['invalid-utf8', mixed, 2]]);
    expect(articleIds(report)).toEqual(['m1', 'm3']);
  });

  test('a path that does not exist is a failure beside the inputs that do', async () => {
    const missing = join(dir, 'no-such-file.txt');
    const { code, failures, report } = await runJson(['analyze', missing, join(dir, 'batch', 'good.txt')]);
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'unreadable-path', input: missing })]);
    expect(articleIds(report)).toEqual(['good']);
  });

  test('a directory with no articles is a failure, not an empty success', async () => {
    const empty = join(dir, 'nothing');
    mkdirSync(empty, { recursive: true });
    const { code, failures } = await runJson(['analyze', empty]);
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'unsupported-input', input: empty })]);
  });

  test('a symbolic link counts as its target, and a broken one is a failure, not a silent skip', async () => {
    const links = join(dir, 'links');
    mkdirSync(links);
    symlinkSync(join(dir, 'batch', 'good.txt'), join(links, 'linked.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(links, 'broken.txt'));
    const { code, failures, report } = await runJson(['analyze', links]);
    expect(code).toBe(1);
    expect(articleIds(report)).toEqual(['linked']);
    expect(failures).toEqual([expect.objectContaining({ code: 'unreadable-path', input: join(links, 'broken.txt') })]);
  });

  test('good inputs only exit 0', async () => {
    const { code, failures, report } = await runJson(['analyze', join(dir, 'batch', 'good.txt')]);
    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(articleIds(report)).toEqual(['good']);
  });
});

describe('standard input', () => {
  test('plain text on - is one article', async () => {
    const { code, report } = await runJson(['analyze', '-'], 'Gantz met Hamada in Tokyo on Tuesday.\n');
    expect(code).toBe(0);
    expect(articleIds(report)).toEqual(['stdin']);
  });

  test('JSON Lines on - keep their line numbers in failures', async () => {
    const stdin = `${JSON.stringify({ id: 'a', text: 'Gantz met Hamada.' })}\n{nope\n${JSON.stringify({ id: 'c' })}\n`;
    const { code, failures, report } = await runJson(['analyze', '-'], stdin);
    expect(code).toBe(1);
    expect(failures.map((failure) => [failure.code, failure.input, failure.line])).toEqual([
      ['invalid-json', 'stdin', 2],
      ['missing-field', 'stdin', 3],
    ]);
    expect(articleIds(report)).toEqual(['a']);
  });

  test('a bad byte in JSON Lines on - costs only its own line', async () => {
    const good = Buffer.from(`${JSON.stringify({ id: 'a', text: 'Gantz met Hamada.' })}\n`, 'utf8');
    const bad = Buffer.concat([Buffer.from('{"id": "b", "text": "Bad ', 'utf8'), Buffer.from([0xff]), Buffer.from('byte."}\n', 'utf8')]);
    const last = Buffer.from(`${JSON.stringify({ id: 'c', text: 'Hamada met Gantz.' })}\n`, 'utf8');
    const { code, failures, report } = await runJson(['analyze', '-'], Buffer.concat([good, bad, last]));
    expect(code).toBe(1);
    expect(failures.map((failure) => [failure.code, failure.input, failure.line])).toEqual([['invalid-utf8', 'stdin', 2]]);
    expect(articleIds(report)).toEqual(['a', 'c']);
  });

  test('empty standard input is an empty-text failure', async () => {
    const { code, failures } = await runJson(['analyze', '-'], '');
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'empty-text', input: 'stdin' })]);
  });

  test('invalid UTF-8 on standard input is reported with its byte offset', async () => {
    const { code, failures } = await runJson(['analyze', '-'], Uint8Array.from([0x61, 0x62, 0xff, 0x63]));
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'invalid-utf8', input: 'stdin' })]);
    expect(failures[0]!.message).toContain('byte 2');
  });

  test('binary standard input is refused', async () => {
    const { code, failures } = await runJson(['analyze', '-'], Uint8Array.from([0x47, 0x00, 0x49]));
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'binary-content', input: 'stdin' })]);
  });
});

describe('article ids from file names', () => {
  /** Files of one story whose names repeat in different folders. */
  const files = (): string[] => {
    const root = join(dir, 'same-names');
    const paths = ['d1/art.txt', 'd2/art.txt', 'd2/other.txt', 'x/d1/art.txt'].map((path) => join(root, path));
    paths.forEach((path, index) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, seedText(['000', '001', '002', '003'][index]!));
    });
    return paths;
  };

  test.each(['json', 'md'])('two files named alike in different folders get the shortest path ending that tells them apart (%s)', async (format) => {
    const paths = files();
    const { code, stdout, stderr } = await run(['analyze', ...paths, '--format', format]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    if (format === 'json') expect(articleIds(JSON.parse(stdout) as FramelensReport)).toEqual(['d2/art', 'other', 'same-names/d1/art', 'x/d1/art']); // same-names/d1 and x/d1 end alike
    else for (const id of ['d2/art', 'x/d1/art', 'other']) expect(stdout).toContain(id);
  });

  test('one file under two spellings is one file: the story lists the second as a repeat', async () => {
    const [first, , second] = files();
    const again = `${join(dir, 'same-names', 'd1')}/../d1/art.txt`; // not join(), which would spell it as the first
    const { code, failures, report } = await runJson(['analyze', first!, again, second!]);
    expect(code).toBe(1);
    expect(articleIds(report)).toEqual(['art', 'other']);
    expect(failures).toEqual([expect.objectContaining({ code: 'invalid-field', field: 'id', input: 'art' })]);
  });

  test('ids a JSON Lines record gives itself are never renamed after its file: repeats are listed', async () => {
    const paths = ['a/news/news.jsonl', 'b/news/news.jsonl'].map((path) => join(dir, 'jsonl-ids', path));
    for (const path of paths) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `${JSON.stringify({ id: 'news', text: seedText('000'), story: 'one' })}\n`);
    }
    const { code, failures, report } = await runJson(['analyze', ...paths]);
    expect(code).toBe(1);
    expect(articleIds(report)).toEqual(['news']);
    expect(failures).toEqual([expect.objectContaining({ code: 'invalid-field', field: 'id', input: 'news' })]);
    const markdown = await run(['analyze', ...paths, '--format', 'md']); // read whole, not streamed
    expect(markdown.code).toBe(1);
    expect(markdown.stderr).toContain('repeats the id "news"');
  });

  test('files that differ only by extension keep it in their ids', async () => {
    const root = join(dir, 'extensions');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'a.txt'), seedText('000'));
    writeFileSync(join(root, 'a.md'), seedText('001'));
    const { code, report } = await runJson(['analyze', join(root, 'a.txt'), join(root, 'a.md')]);
    expect(code).toBe(0);
    expect(articleIds(report)).toEqual(['extensions/a.md', 'extensions/a.txt'].map((id) => join(root, '..', id)).sort());
  });

  test('the same file given twice keeps its name, and the story lists the repeat', async () => {
    const [first] = files();
    const { code, failures, report } = await runJson(['analyze', first!, first!]);
    expect(code).toBe(1);
    expect(articleIds(report)).toEqual(['art']);
    expect(failures).toEqual([expect.objectContaining({ code: 'invalid-field', field: 'id', input: 'art' })]);
  });
});

describe('usage errors exit 2', () => {
  test.each([
    [['analyze'], 'at least one PATH'],
    [['analyse', 'corpus'], 'unknown command'],
    [['analyze', 'corpus', '--frobnicate'], 'unknown option'],
    [['analyze', 'corpus', '--only', 'scare-quote,sarcasm'], 'unknown analyzer "sarcasm"'],
    [['analyze', 'corpus', '--format'], '--format needs a value'],
    [['analyze', 'corpus', '--only', ','], '--only needs at least one analyzer id'],
    [['analyze', 'corpus', '--skip', 'scare-quote,title-choice,label,attribution,loaded-language,hedge,quote,credit'], 'leave no analyzer to run'],
    [['analyze', 'corpus', '--jobs', '300'], '--jobs must be a whole number from 1 to 256'],
    [['analyze', 'corpus', '--jobs', '257'], '--jobs must be a whole number from 1 to 256'],
  ])('%j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  test('an invalid lexicon file names the entry and field', async () => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--lexicon', join(dir, 'bad-lexicon.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('bad-lexicon.json');
    expect(stderr).toContain('loaded[0]');
    expect(stderr).toContain('"source"');
  });

  test('an invalid actors file names the entry', async () => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--actors', join(dir, 'bad-actors.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('[1]');
    expect(stderr).toContain('"name"');
  });

  test('an unreadable lexicon file is a typed error, not a crash', async () => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--lexicon', join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.json');
  });

  test('an actors file with __proto__ and constructor keys is refused and pollutes nothing', async () => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--actors', join(dir, 'proto-actors.json'), '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain('[0].__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('lexicon and actors files are checked by the library rules', () => {
  test.each([
    ['--lexicon', 'misspelled-lexicon.json', '{"ad": {"loaded": []}, "remov": ["loaded.historic"]}', '"ad"'],
    ['--lexicon', 'unknown-id-lexicon.json', '{"remove": ["loaded.histroic"]}', 'remove[0]'],
    ['--actors', 'numeric-id-actors.json', '[{"name": "Gantz", "id": 5}]', '"id"'],
    ['--actors', 'long-actors.json', JSON.stringify([{ name: 'G'.repeat(201) }]), 'longer than 200'],
  ])('%s %s is a usage error naming the key', async (option, file, content, words) => {
    writeFileSync(join(dir, file), content);
    const { code, stderr, stdout } = await run(['analyze', join(dir, 'batch', 'good.txt'), option, join(dir, file)]);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain(words);
    expect(stdout).toBe('');
  });
});

describe('--out', () => {
  test('writes the report to the file', async () => {
    const out = join(dir, 'report.json');
    const { code, stdout } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--format', 'json', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as FramelensReport).stories).toHaveLength(1);
  });

  test('a .jsonl --out writes JSON Lines: one compact story per line', async () => {
    const out = join(dir, 'report.jsonl');
    const { code } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--out', out]);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as { schemaVersion: number; story: FramelensReport['stories'][number] };
    expect(record.schemaVersion).toBe(1);
    expect(record.story.articles).toHaveLength(1);
  });

  test('an unwritable --out is a typed error with exit 2, not a crash', async () => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--out', join(dir, 'no-dir', 'report.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no-dir');
  });
});

describe('a subfolder that cannot be listed', () => {
  const readdir = jest.mocked(fs.readdirSync);
  afterEach(() => readdir.mockImplementation(jest.requireActual<typeof fs>('node:fs').readdirSync));

  test('is a failure of its own, and the other stories are analysed', async () => {
    const top = join(dir, 'top');
    for (const story of ['storyA', 'storyB', 'storyC']) {
      mkdirSync(join(top, story), { recursive: true });
      writeFileSync(join(top, story, `${story}-article.txt`), seedText('000'));
    }
    const actual = jest.requireActual<typeof fs>('node:fs').readdirSync;
    readdir.mockImplementation(((path: fs.PathLike, options: never) => {
      if (String(path) === join(top, 'storyB')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
      return actual(path, options);
    }) as typeof fs.readdirSync);
    const { code, failures, report, stderr } = await runJson(['analyze', top]);
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'unreadable-path', input: join(top, 'storyB') })]);
    expect(report.stories.map((story) => story.id)).toEqual(['storyA', 'storyC']);
    expect(stderr).toBe(`framelens: ${join(top, 'storyB')}: cannot list: EACCES\n`);
  });
});

describe('--out over an input is refused before anything is written', () => {
  const refused = async (argv: string[], input: string, text: string): Promise<void> => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(input);
    expect(stdout).toBe('');
    expect(readFileSync(input, 'utf8')).toBe(text);
  };

  test('a JSON Lines file written over itself', async () => {
    const input = join(dir, 'self.jsonl');
    const text = `${JSON.stringify({ id: 'a', text: 'Gantz met Hamada in Tokyo.' })}\n`;
    writeFileSync(input, text);
    await refused(['analyze', input, '--out', input], input, text);
    await refused(['analyze', input, '--format', 'json', '--out', join(dir, '.', 'self.jsonl')], input, text);
  });

  test('an article file written over itself', async () => {
    const input = join(dir, 'self.txt');
    writeFileSync(input, seedText('000'));
    await refused(['analyze', input, '--out', input], input, seedText('000'));
  });

  test('a file that an input directory reads, by name or through a link', async () => {
    const folder = join(dir, 'holds-out');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), seedText('000'));
    await refused(['analyze', folder, '--out', join(folder, 'good.txt')], join(folder, 'good.txt'), seedText('000'));
    const { code, stderr } = await run(['analyze', folder, '--out', join(folder, 'report.md')]);
    expect([code, stderr]).toEqual([2, expect.stringContaining(folder)]);
    const outside = join(dir, 'linked-out.txt');
    writeFileSync(outside, seedText('001'));
    symlinkSync(outside, join(folder, 'linked.txt'));
    await refused(['analyze', folder, '--format', 'json', '--out', outside], outside, seedText('001'));
  });

  test('a report beside the articles that is not read as one is written', async () => {
    const folder = join(dir, 'report-beside');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), seedText('000'));
    const { code } = await run(['analyze', folder, '--out', join(folder, 'report.html')]);
    expect(code).toBe(0);
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('<html');
  });
});

describe('--out over a --lexicon or --actors file', () => {
  test.each(['--lexicon', '--actors'])('is refused before the file is read over (%s)', async (flag) => {
    const file = join(dir, `kept${flag}.json`);
    const content = flag === '--lexicon' ? '{"add": {}}' : '[{"name": "Kyodo"}]';
    writeFileSync(file, content);
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), flag, file, '--out', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('is the same file as the input');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('an actors file the analysis refuses', () => {
  test.each([
    ['an empty alias', [{ name: 'X', aliases: [''] }], 'aliases'],
    ['an empty id', [{ name: 'X', id: '' }], '"id"'],
    ['an id that is a number', [{ name: 'X', id: 5 }], '"id"'],
  ])('%s is one line on standard error and exit 2', async (_, actors, field) => {
    const file = join(dir, 'refused-actors.json');
    writeFileSync(file, JSON.stringify(actors));
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--actors', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^framelens: .*refused-actors\.json: actor \[0\]/)]);
    expect(stderr).toContain(field);
  });
});

describe('--jobs', () => {
  test('never starts more threads than there are articles', async () => {
    const pool = jest.mocked(createAnalyzePool);
    pool.mockClear();
    const { code } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--jobs', '256']);
    expect(code).toBe(0);
    expect(pool).toHaveBeenCalledWith(expect.anything(), { jobs: 1 });
  });
});

describe('standard output that fails', () => {
  const failing = (code: string): Writable =>
    new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error(`write ${code}`), { code }));
      },
    });

  test.each([['json'], ['text']])('a reader that went away (EPIPE) ends a %s run quietly with 141', async (format) => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--format', format], '', failing('EPIPE'));
    expect(code).toBe(141);
    expect(stderr).toBe('');
  });

  test.each([['json'], ['text']])('a full disk (ENOSPC) under a %s run is one line and exit 2', async (format) => {
    const { code, stderr } = await run(['analyze', join(dir, 'batch', 'good.txt'), '--format', format], '', failing('ENOSPC'));
    expect(code).toBe(2);
    expect(stderr).toBe('framelens: cannot write standard output: ENOSPC\n');
  });
});

describe('messages on standard error', () => {
  test('show terminal controls from file names and arguments as escapes', async () => {
    const folder = join(dir, 'controls');
    mkdirSync(folder);
    writeFileSync(join(folder, '\u001b]0;pwned\u0007.txt'), '');
    writeFileSync(join(folder, 'right\u202eleft.txt'), '');
    const { code, stderr } = await run(['analyze', folder]);
    expect(code).toBe(1);
    expect(stderr).toContain('\\x1b]0;pwned\\x07.txt');
    expect(stderr).toContain('right\\u202eleft.txt');
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const option = await run(['analyze', folder, '--x\u001b[2J']);
    expect(option.stderr).toBe('framelens: unknown option "--x\\x1b[2J"\n');
  });
});

describe('a pipe or device named like an article in a folder', () => {
  test('is one unsupported-input failure, never read (a pipe could wait for ever, /dev/zero never ends); the other articles are analysed', async () => {
    const folder = join(dir, 'special-files');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), seedText('000'));
    symlinkSync('/dev/zero', join(folder, 'zero.md'));
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    const { code, failures, report } = await runJson(['analyze', folder]);
    expect(code).toBe(1);
    expect(articleIds(report)).toEqual(['good']);
    expect(failures).toEqual(['pipe.txt', 'zero.md'].map((name) => expect.objectContaining({ code: 'unsupported-input', input: join(folder, name) })));
  });
});

describe('a file name that is not valid UTF-8', () => {
  test('is read, and shown with its bad byte escaped', async () => {
    const folder = join(dir, 'latin1-name');
    mkdirSync(folder);
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/caf`), Uint8Array.of(0xe9), Buffer.from('.txt')]), seedText('000'));
    const { code, failures, report } = await runJson(['analyze', folder]);
    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(articleIds(report)).toEqual(['caf\\xe9']);
    expect(report.stories[0]!.articles[0]!.meta.path).toBe(join(folder, 'caf\\xe9.txt'));
  });

  test('given on the command line, where Node has already replaced its bad byte, fails saying so and naming the way round', async () => {
    const { code, failures } = await runJson(['analyze', join(dir, 'latin1-name', 'caf\ufffd.txt')]);
    expect(code).toBe(1);
    expect(failures).toEqual([expect.objectContaining({ code: 'unreadable-path', message: expect.stringContaining('not valid UTF-8 as given on the command line: give its folder instead') })]);
  });
});
