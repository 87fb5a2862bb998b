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
  return weighCounts(
    documents.map((terms) => {
      const count = new Map<string, number>();
      for (const term of terms) count.set(term, (count.get(term) ?? 0) + 1);
      return count;
    }),
  );
}

/** TF-IDF unit vectors of term counts; each vector lists its terms in the order of its counts. */
function weighCounts(counts: readonly ReadonlyMap<string, number>[]): TermVector[] {
  const df = new Map<string, number>();
  for (const count of counts) for (const term of count.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = counts.length;
  let weights = new Float64Array(64);
  return counts.map((count) => {
    if (weights.length < count.size) weights = new Float64Array(2 * count.size);
    let norm = 0;
    let k = 0;
    for (const [term, tf] of count) {
      const weight = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df.get(term)!)) + 1);
      weights[k++] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    const vector = new Map<string, number>();
    k = 0;
    for (const term of count.keys()) vector.set(term, norm > 0 ? weights[k++]! / norm : weights[k++]!);
    return vector;
  });
}

/** The stems of an article's content words, counted in text order. */
function countStems(text: ComparedText): Map<string, number> {
  const count = new Map<string, number>();
  for (const sentence of text.content) for (const word of sentence) count.set(word.stem, (count.get(word.stem) ?? 0) + 1);
  return count;
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
  const vectors = weighCounts(texts.map(countStems));
  // Null-prototype records: an article may be called "__proto__" or "constructor".
  const matrix: Record<string, Record<string, number>> = Object.create(null);
  const pairs: SimilarityPair[] = [];
  const sums = ids.map(() => 0);
  ids.forEach((id) => (matrix[id] = Object.create(null)));
  for (let i = 0; i < ids.length; i++) {
    matrix[ids[i]!]![ids[i]!] = vectors[i]!.size > 0 ? 1 : 0;
    for (let j = i + 1; j < ids.length; j++) {
      const score = round4(cosine(vectors[i]!, vectors[j]!));
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
