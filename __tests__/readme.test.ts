import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { analyzeStories } from '../src/analyze';
import { collectStories } from '../src/cli';

/**
 * The README's TypeScript examples are type-checked against the library's sources, so an example
 * that calls a renamed function or passes an option that no longer exists fails here, with the
 * README line it is on. Each example is a module of its own importing from 'framelens'; the
 * variables the prose introduces (`text`, `articles`, `report`…) are declared once, below. And the
 * README's JSON excerpts of reports are checked to be what framelens reports on the seed story.
 */

const ROOT = resolve(__dirname, '..');
const README = join(ROOT, 'README.md');
const VIRTUAL = join(ROOT, '__readme__');

const GLOBALS = `
declare const text: string;
declare const article: import('framelens').Article;
declare const articles: import('framelens').ArticleInput[];
declare const read: import('framelens').Article[];
declare const story: import('framelens').StoryInput;
declare const stories: import('framelens').StoryInput[];
declare const report: import('framelens').FramelensReport;
declare const fs: typeof import('node:fs');
declare const readArticle: typeof import('framelens').readArticle;
declare const analyzeArticle: typeof import('framelens').analyzeArticle;
declare const Deno: { readonly jupyter: { display(value: unknown): Promise<void> } };
`;

interface Example {
  /** README line of the first line of code. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a Markdown text, with the README line each starts on. */
function typescriptExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    examples.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return examples;
}

/** An example as a module: the notebook recipe's import of the built package reads the sources too. */
function asModule(code: string): string {
  return `${code.replace(/(from\s+)(["'])(?:\.\.\/)+dist\/index\.js\2/g, "$1'framelens'")}\nexport {};\n`;
}

/** Type errors of the examples, each as "README.md:LINE: message". */
function typeErrors(examples: readonly Example[]): string[] {
  const files = new Map<string, { text: string; line: number }>();
  examples.forEach((example, index) => files.set(join(VIRTUAL, `example-${index + 1}.ts`), { text: asModule(example.code), line: example.line }));
  const globals = join(VIRTUAL, 'globals.d.ts');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    // A user's usual settings: strict, without this project's noUncheckedIndexedAccess.
    strict: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    paths: { framelens: [join(ROOT, 'src', 'index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const virtualText = (fileName: string): string | undefined => (fileName === globals ? GLOBALS : files.get(fileName)?.text);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => virtualText(fileName) !== undefined || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtualText(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = virtualText(fileName);
    return text !== undefined ? ts.createSourceFile(fileName, text, language) : getSourceFile.call(host, fileName, language, onError, shouldCreate);
  };
  const program = ts.createProgram([globals, ...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const file = diagnostic.file;
    if (!file || diagnostic.start === undefined) return message;
    const at = file.getLineAndCharacterOfPosition(diagnostic.start).line;
    const example = files.get(file.fileName);
    return example ? `README.md:${example.line + at}: ${message}` : `${file.fileName}:${at + 1}: ${message}`;
  });
}

describe('README examples', () => {
  const examples = typescriptExamples(readFileSync(README, 'utf8'));

  test('the README has TypeScript examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  test('every TypeScript example type-checks against the library', () => {
    expect(typeErrors(examples)).toEqual([]);
  }, 120_000);

  test('an example that uses the API wrongly is reported with its README line', () => {
    const errors = typeErrors([
      { line: 10, code: "import { renderMarkdown } from 'framelens';\nrenderMarkdown(report, { maxEvidnce: 80 });" },
      { line: 20, code: "import { analyzeStory } from 'framelens';\nanalyzeStory({ id: 's', articles }).comparison.nonsense;" },
    ]);
    expect(errors).toEqual([expect.stringMatching(/^README\.md:11: .*maxEvidnce/), expect.stringMatching(/^README\.md:21: .*nonsense/)]);
  }, 120_000);
});

/** The ```json blocks of a Markdown text: each block's values (a block may hold several objects one after another). */
function jsonExcerpts(markdown: string): { readonly line: number; readonly values: unknown[] }[] {
  const blocks: { line: number; values: unknown[] }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```json') continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    // Values one after another start on a line of their own with "{" or "[".
    const pieces = lines.slice(i + 1, end).join('\n').split(/\n(?=[{[])/);
    blocks.push({ line: i + 2, values: pieces.map((piece) => JSON.parse(piece) as unknown) });
    i = end;
  }
  return blocks;
}

/**
 * Whether an excerpt shows part of a value: every key it shows, with a matching value; array items
 * in order, some left out; a string shortened with "…" holding its pieces in order.
 */
function shows(excerpt: unknown, actual: unknown): boolean {
  if (typeof excerpt === 'string') return typeof actual === 'string' && (excerpt === actual || (excerpt.includes('…') && inOrder(excerpt.split('…'), actual)));
  if (excerpt === null || typeof excerpt !== 'object') return Object.is(excerpt, actual);
  if (Array.isArray(excerpt)) {
    if (!Array.isArray(actual)) return false;
    let at = 0;
    for (const item of excerpt) {
      while (at < actual.length && !shows(item, actual[at])) at++;
      if (at++ >= actual.length) return false;
    }
    return true;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  return Object.entries(excerpt).every(([key, value]) => Object.prototype.hasOwnProperty.call(actual, key) && shows(value, (actual as Record<string, unknown>)[key]));
}

function inOrder(pieces: readonly string[], text: string): boolean {
  let from = 0;
  for (const piece of pieces.map((part) => part.trim())) {
    const at = text.indexOf(piece, from);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}

/** Whether some value inside `tree` (or the tree itself) is shown by the excerpt. */
function somewhereIn(excerpt: unknown, tree: unknown): boolean {
  if (shows(excerpt, tree)) return true;
  if (tree === null || typeof tree !== 'object') return false;
  return Object.values(tree).some((value) => somewhereIn(excerpt, value));
}

describe('README report excerpts', () => {
  const blocks = jsonExcerpts(readFileSync(README, 'utf8'));
  const { stories, failures } = collectStories([join(ROOT, 'corpus')], () => new Uint8Array());
  const report = JSON.parse(JSON.stringify(analyzeStories(stories, {}, failures))) as unknown;

  test('the README has report excerpts to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  test('every JSON excerpt is part of what framelens reports on the seed story (`framelens analyze corpus --format json`)', () => {
    const unseen = blocks.flatMap((block) => block.values.filter((value) => !somewhereIn(value, report)).map((value) => `README.md:${block.line}: ${JSON.stringify(value).slice(0, 120)}`));
    expect(unseen).toEqual([]);
  }, 60_000);

  test('an excerpt with a changed value, an unknown key or items out of order is not part of the report', () => {
    const finding = { analyzer: 'scare-quote', start: 7, end: 15, term: 'Israel' };
    expect(somewhereIn(finding, report)).toBe(true);
    expect(somewhereIn({ ...finding, start: 8 }, report)).toBe(false);
    expect(somewhereIn({ ...finding, colour: 'red' }, report)).toBe(false);
    expect(shows(['a', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(shows(['c', 'a'], ['a', 'b', 'c'])).toBe(false);
    expect(shows('Global stability … the U.S.', 'Global stability is threatened, led by the U.S.')).toBe(true);
    expect(shows('Global stability … the U.K.', 'Global stability is threatened, led by the U.S.')).toBe(false);
  });
});
