import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of the process. wink re-encodes the model's custom-entity data on
 * every `winkNLP(model)` call, so a second instance silently stops matching patterns: keep one,
 * created lazily, and share it. The pipe holds only what framelens reads: sentence boundaries
 * and part-of-speech tags.
 */
type Nlp = ReturnType<typeof winkNLP>;

const PIPE = ['sbd', 'pos'] as const;
const KEY = Symbol.for('framelens.wink');

type GlobalWithNlp = typeof globalThis & { [KEY]?: Nlp };

/**
 * The shared wink-nlp instance (created on first use).
 *
 * @example
 * getNlp().readDoc('Talks ended. Gantz left.').sentences().out(); // ['Talks ended.', 'Gantz left.']
 */
export function getNlp(): Nlp {
  const holder = globalThis as GlobalWithNlp;
  let nlp = holder[KEY];
  if (!nlp) {
    nlp = winkNLP(model, [...PIPE]);
    forgetLearnedWords(nlp);
    holder[KEY] = nlp;
  }
  return nlp;
}

/** The part of wink's internal lexicon cache that tokenizing consults. */
interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  intrinsicSize(): number;
}

type ItsValue = (index: number, rdd: { cache?: WinkCache }, addons: unknown) => unknown;

/**
 * wink adds every out-of-vocabulary word it meets to its lexicon, and from then on takes that word
 * whole where it would have split it ("Israel’s" stays one token once "body.Israel’s" was read).
 * Tokens would then depend on the texts read before: on a batch's order and on which worker read
 * what. Hide the learned words from the tokenizer's look-ups so that every text tokenizes the same
 * whatever was read before. wink exposes its cache only to `its` helpers, hence the detour.
 */
function forgetLearnedWords(nlp: Nlp): void {
  const its = nlp.its as unknown as { value: ItsValue };
  const value = its.value;
  let cache: WinkCache | undefined;
  // An unknown helper makes wink fall back to `its.value`, which is then this spy.
  const spy: ItsValue = (index, rdd, addons) => {
    cache = rdd.cache;
    return value(index, rdd, addons);
  };
  its.value = spy;
  try {
    nlp.readDoc('a').tokens().out(spy as never);
  } finally {
    its.value = value;
  }
  if (!cache || typeof cache.lookup !== 'function' || typeof cache.add !== 'function' || typeof cache.intrinsicSize !== 'function') {
    throw new Error('framelens: this wink-nlp version keeps its lexicon cache elsewhere; tokens would depend on reading order');
  }
  const { lookup, add } = cache;
  const intrinsic = cache.intrinsicSize();
  // While a word is being added, the model's feature extractors look up its lower-case form,
  // which must be found even when learned a moment ago.
  let adding = 0;
  // wink adds a word the look-up hid, which for a word it already holds changes nothing and
  // returns its index: answer that from the look-up instead of redoing it.
  let hidden: string | undefined;
  let hiddenIndex = 0;
  cache.add = (text, category) => {
    if (text === hidden) return hiddenIndex;
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  cache.lookup = (text) => {
    const found = lookup(text);
    if (adding === 0 && found !== null && found.length === 1 && found[0]! >= intrinsic) {
      hidden = text;
      hiddenIndex = found[0]!;
      return null;
    }
    return found;
  };
}
