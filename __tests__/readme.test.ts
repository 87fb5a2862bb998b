import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The README's TypeScript examples are type-checked against the library's sources, so an example
 * that calls a renamed function or passes an option that no longer exists fails here, with the
 * README line it is on. Each example is a module of its own importing from 'framelens'; the
 * variables the prose introduces (`text`, `articles`, `report`…) are declared once, below.
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
