import { relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The house style asks for a one-line summary and a short example on each export. Here the public
 * API (what src/index.ts exports) is read with the TypeScript compiler: every exported function
 * must carry a JSDoc summary and an `@example`, every exported constant and class a summary. A
 * failure lists what is missing as "name (file:line)".
 */

const ROOT = resolve(__dirname, '..');
const INDEX = resolve(ROOT, 'src', 'index.ts');

interface Exported {
  readonly name: string;
  readonly kind: 'function' | 'variable' | 'class';
  /** "src/file.ts:line" of the declaration. */
  readonly where: string;
  readonly summary: boolean;
  readonly example: boolean;
}

/** Whether a JSDoc comment has prose before its tags. */
function hasSummary(doc: ts.JSDoc): boolean {
  return (ts.getTextOfJSDocComment(doc.comment) ?? '').trim() !== '';
}

/** Summary and example of one declaration, from the JSDoc written on it (or on its variable statement). */
function documentation(declaration: ts.Declaration): { summary: boolean; example: boolean } {
  const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
  return {
    summary: docs.some(hasSummary),
    example: ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example' && (ts.getTextOfJSDocComment(tag.comment) ?? '').trim() !== ''),
  };
}

/** The functions, constants and classes src/index.ts exports, each with what its JSDoc holds. */
function publicExports(): Exported[] {
  const program = ts.createProgram([INDEX], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  return checker.getExportsOfModule(moduleSymbol).flatMap((exported): Exported[] => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const kind = symbol.flags & ts.SymbolFlags.Function ? 'function' : symbol.flags & ts.SymbolFlags.Class ? 'class' : symbol.flags & ts.SymbolFlags.Variable ? 'variable' : undefined;
    const declarations = symbol.declarations ?? [];
    if (!kind || declarations.length === 0) return [];
    const first = declarations[0]!;
    const file = first.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(first.getStart(file)).line + 1;
    // An overloaded function is documented once, on any of its signatures.
    const docs = declarations.map(documentation);
    return [{
      name: exported.name,
      kind,
      where: `${relative(ROOT, file.fileName)}:${line}`,
      summary: docs.some((doc) => doc.summary),
      example: docs.some((doc) => doc.example),
    }];
  });
}

describe('documentation of the public API', () => {
  let exported: Exported[] = [];
  beforeAll(() => {
    exported = publicExports();
  }, 60_000);

  it('reads the exports of src/index.ts', () => {
    expect(exported.filter((entry) => entry.kind === 'function').length).toBeGreaterThan(50);
    expect(exported.map((entry) => entry.name)).toEqual(expect.arrayContaining(['readArticle', 'analyzeStories', 'DEFAULT_MAX_LENGTH', 'FramelensError']));
  });

  it('every exported function has a one-line summary and an @example', () => {
    const missing = exported
      .filter((entry) => entry.kind === 'function' && !(entry.summary && entry.example))
      .map((entry) => `${entry.name} (${entry.where})${entry.summary ? '' : ' no summary'}${entry.example ? '' : ' no @example'}`);
    expect(missing).toEqual([]);
  });

  it('every exported constant and class has a one-line summary', () => {
    const missing = exported.filter((entry) => entry.kind !== 'function' && !entry.summary).map((entry) => `${entry.name} (${entry.where})`);
    expect(missing).toEqual([]);
  });
});
