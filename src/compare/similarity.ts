import { compareText, round4, type ComparedText } from './terms';

/** How alike two articles' bodies are: TF-IDF cosine of their content words, 0 to 1. */
export interface SimilarityPair {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

/** Pairwise similarity of the articles' headline and body text. */
export interface SimilaritySection {
  /** `matrix[a][b]`: the cosine of articles a and b (1 on the diagonal). */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Every pair once, most similar first. */
  readonly pairs: readonly SimilarityPair[];
  /** Each article's mean similarity to the others, the story's odd one out lowest. */
  readonly mean: Readonly<Record<string, number>>;
}

/** A sparse unit vector: term → weight. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * TF-IDF vectors (log-scaled term frequency, smoothed inverse document frequency) of bags of
 * terms, each normalised to unit length.
 *
 * @example
 * const [a, b] = tfidfVectors([['defense', 'agreement'], ['defense', 'cooperation']]);
 * cosine(a, b); // ≈ 0.34
 */
export function tfidfVectors(documents: readonly (readonly string[])[]): TermVector[] {
  const vectors = weighTerms(documents.length, (document, add) => {
    for (const term of documents[document]!) add(term);
  });
  return vectors.ids.map((ids, document) => {
    const weights = vectors.weights[document]!;
    const vector = new Map<string, number>();
    ids.forEach((id, k) => vector.set(vectors.terms[id]!, weights[k]!));
    return vector;
  });
}

/** TF-IDF unit vectors over term ids: each document's ids in order of first use, with their weights. */
interface SparseVectors {
  /** The term of each id. */
  readonly terms: readonly string[];
  readonly ids: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
}

/**
 * TF-IDF vectors (log-scaled term frequency, smoothed inverse document frequency) of documents
 * that `read` lists term by term, each normalised to unit length.
 */
function weighTerms(documents: number, read: (document: number, add: (term: string) => void) => void): SparseVectors {
  const byTerm = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const tf: number[] = [];
  let listed: number[] = [];
  const add = (term: string): void => {
    let id = byTerm.get(term);
    if (id === undefined) {
      byTerm.set(term, (id = terms.length));
      terms.push(term);
      df.push(0);
      tf.push(0);
    }
    if (tf[id] === 0) listed.push(id);
    tf[id]!++;
  };
  const ids: Int32Array[] = [];
  const counts: Int32Array[] = [];
  for (let document = 0; document < documents; document++) {
    listed = [];
    read(document, add);
    const list = new Int32Array(listed.length);
    const count = new Int32Array(listed.length);
    for (let k = 0; k < listed.length; k++) {
      const id = listed[k]!;
      list[k] = id;
      count[k] = tf[id]!;
      df[id]!++;
      tf[id] = 0;
    }
    ids.push(list);
    counts.push(count);
  }
  const weights = ids.map((list, document) => {
    const vector = new Float64Array(list.length);
    let norm = 0;
    for (let k = 0; k < list.length; k++) {
      const weight = (1 + Math.log(counts[document]![k]!)) * (Math.log((1 + documents) / (1 + df[list[k]!]!)) + 1);
      vector[k] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < list.length; k++) vector[k] = vector[k]! / norm;
    return vector;
  });
  return { terms, ids, weights };
}

/**
 * The cosine of documents a and b: the terms of the one with fewer terms (a on a tie), in order,
 * against the other's weights spread over `dense` (all zero before and after).
 */
function sparseCosine(vectors: SparseVectors, a: number, b: number, dense: Float64Array): number {
  const [small, large] = vectors.ids[a]!.length <= vectors.ids[b]!.length ? [a, b] : [b, a];
  const largeIds = vectors.ids[large]!;
  const largeWeights = vectors.weights[large]!;
  for (let k = 0; k < largeIds.length; k++) dense[largeIds[k]!] = largeWeights[k]!;
  const smallIds = vectors.ids[small]!;
  const smallWeights = vectors.weights[small]!;
  let dot = 0;
  for (let k = 0; k < smallIds.length; k++) {
    const other = dense[smallIds[k]!]!;
    if (other !== 0) dot += smallWeights[k]! * other;
  }
  for (let k = 0; k < largeIds.length; k++) dense[largeIds[k]!] = 0;
  return dot;
}

/**
 * The cosine of two unit vectors (iterates the shorter one).
 *
 * @example
 * cosine(new Map([['a', 1]]), new Map([['a', 0.6], ['b', 0.8]])); // 0.6
 */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot;
}

/**
 * Pairwise TF-IDF cosine of the articles' bodies, keyed by article id.
 *
 * @example
 * compareSimilarity(texts).matrix['000']['002']; // e.g. 0.21
 */
export function compareSimilarity(texts: readonly ComparedText[]): SimilaritySection {
  const ids = texts.map((text) => text.article.id);
  const vectors = weighTerms(texts.length, (document, add) => {
    for (const stem of texts[document]!.stems) add(stem);
  });
  const dense = new Float64Array(vectors.terms.length);
  // Null-prototype records: an article may be called "__proto__" or "constructor".
  const matrix: Record<string, Record<string, number>> = Object.create(null);
  const pairs: SimilarityPair[] = [];
  const sums = ids.map(() => 0);
  ids.forEach((id) => (matrix[id] = Object.create(null)));
  for (let i = 0; i < ids.length; i++) {
    matrix[ids[i]!]![ids[i]!] = vectors.ids[i]!.length > 0 ? 1 : 0;
    for (let j = i + 1; j < ids.length; j++) {
      const score = round4(sparseCosine(vectors, i, j, dense));
      matrix[ids[i]!]![ids[j]!] = score;
      matrix[ids[j]!]![ids[i]!] = score;
      sums[i]! += score;
      sums[j]! += score;
      pairs.push({ a: ids[i]!, b: ids[j]!, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || compareText(x.a, y.a) || compareText(x.b, y.b));
  const mean: Record<string, number> = Object.create(null);
  ids.forEach((id, i) => (mean[id] = ids.length > 1 ? round4(sums[i]! / (ids.length - 1)) : 0));
  return { matrix, pairs, mean };
}
