import { lowerForm } from '../lexeme';
import { splitWords } from './terms';

export type DiffOp = 'equal' | 'insert' | 'delete';

/** A run of words that two renderings share (`equal`), or that only the other (`insert`) or the base (`delete`) has. */
export interface DiffRun {
  readonly op: DiffOp;
  readonly text: string;
}

export interface DiffWordsOptions {
  /** Largest edit distance searched (default 500 words); beyond it the middle is one delete and one insert. */
  readonly maxEdits?: number;
}

/**
 * Word-level difference between two texts (Myers 1986, O((N+M)·D)): words compared case-blind,
 * runs given in the words of the text they come from.
 *
 * @example
 * diffWords('the two ancient nations', 'two ancient nations');
 * // [{ op: 'delete', text: 'the' }, { op: 'equal', text: 'two ancient nations' }]
 */
export function diffWords(base: string, other: string, options: DiffWordsOptions = {}): DiffRun[] {
  const a = splitWords(base).map((word) => word.value);
  const b = splitWords(other).map((word) => word.value);
  const ops = diffSequences(
    a.map(lowerForm),
    b.map(lowerForm),
    options.maxEdits ?? 500,
  );
  const runs: { op: DiffOp; words: string[] }[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const word = op === 'insert' ? b[j++]! : op === 'delete' ? a[i++]! : (i++, b[j++]!);
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.words.push(word);
    else runs.push({ op, words: [word] });
  }
  return runs.map((run) => ({ op: run.op, text: run.words.join(' ') }));
}

/**
 * The shortest edit script between two sequences, one op per element: `equal` consumes one of
 * each, `delete` one of `a`, `insert` one of `b`.
 *
 * @example
 * diffSequences(['a', 'b', 'c'], ['a', 'c', 'd']); // ['equal', 'delete', 'equal', 'insert']
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits = 500): DiffOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const middle = myers(midA, midB, maxEdits) ?? [...midA.map((): DiffOp => 'delete'), ...midB.map((): DiffOp => 'insert')];
  return [...new Array<DiffOp>(prefix).fill('equal'), ...middle, ...new Array<DiffOp>(suffix).fill('equal')];
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffOp[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map(() => 'insert');
  if (m === 0) return a.map(() => 'delete');
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds v[k] for k in [-d, d] before step d, so the path can be walked back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, edits: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const v = trace[d]!;
    const at = (k: number): number => v[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('equal');
      x--;
      y--;
    }
    if (x === prevX) {
      ops.push('insert');
      y--;
    } else {
      ops.push('delete');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push('equal');
    x--;
    y--;
  }
  return ops.reverse();
}
