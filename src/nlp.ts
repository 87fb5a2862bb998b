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

/** The shared wink-nlp instance (created on first use). */
export function getNlp(): Nlp {
  const holder = globalThis as GlobalWithNlp;
  let nlp = holder[KEY];
  if (!nlp) {
    nlp = winkNLP(model, [...PIPE]);
    holder[KEY] = nlp;
  }
  return nlp;
}
