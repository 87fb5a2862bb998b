import type { Token } from './article';

/**
 * What the analyses look up for one word form (a token's `lower`): its tone score, its
 * comparison stem, its lexicon word id. Each is computed once per form and then read through the
 * token's lexeme, so an article's tokens cost one look-up in a vocabulary-sized table, not one per
 * analysis (three such look-ups per token, with the loops around them, took about a tenth of the
 * main thread).
 */
export interface Lexeme {
  readonly lower: string;
  /** AFINN-165 score, once tone has asked for it. */
  score: number | undefined;
  /** Comparison stem and function-word flag, once the comparison has asked for them. */
  form: { readonly stem: string; readonly stop: boolean } | undefined;
  /** Lexicon word id (-1: in no lexicon term), valid while the lexicons hold `wordIdsKnown` words. */
  wordId: number;
  wordIdsKnown: number;
}

// Cleared when full, so memory stays flat over any number of articles; articles read before keep
// their own lexemes.
const LEXEMES = new Map<string, Lexeme>();
const LEXEMES_LIMIT = 100_000;
// A longer form (a pasted blob) is not kept: it would hold megabytes and never recur.
const LONGEST_KEPT = 64;

const byTokens = new WeakMap<readonly Token[], readonly Lexeme[]>();

function lexemeOf(lower: string): Lexeme {
  let lexeme = LEXEMES.get(lower);
  if (lexeme === undefined) {
    const keep = lower.length <= LONGEST_KEPT;
    lexeme = { lower: keep ? detach(lower) : lower, score: undefined, form: undefined, wordId: -1, wordIdsKnown: -1 };
    if (keep) {
      if (LEXEMES.size >= LEXEMES_LIMIT) {
        LEXEMES.clear();
        slotOfWinkId = new Int32Array(0);
        winkLexemes = [];
      }
      LEXEMES.set(lexeme.lower, lexeme);
    }
  }
  return lexeme;
}

// Lexemes by wink-nlp's id of a token's string (`its.uniqueId`): wink's lexicon only grows, so an
// id names the same string for the life of the process, and a token's lexeme (and its lower-case
// form) costs two array reads instead of lower-casing and hashing the string. `slotOfWinkId` holds
// 1 + the lexeme's place in `winkLexemes` (0: not seen), in a typed array outside the JavaScript
// heap, so the collector never traces it. Dropped with LEXEMES, so it never holds more than that
// table does.
let slotOfWinkId = new Int32Array(0);
let winkLexemes: Lexeme[] = [];

/**
 * The lexeme of a token wink-nlp read: `id` is the token's `its.uniqueId`, `value` its
 * `its.value` (the string that id names).
 *
 * @example
 * lexemeOfWinkToken(17, 'Japan').lower; // 'japan'
 */
export function lexemeOfWinkToken(id: number, value: string): Lexeme {
  const slot = id >= 0 && id < slotOfWinkId.length ? slotOfWinkId[id]! : 0;
  if (slot !== 0) return winkLexemes[slot - 1]!;
  const lexeme = lexemeOf(lowerForm(value));
  if (lexeme.lower.length <= LONGEST_KEPT && Number.isInteger(id) && id >= 0) {
    if (id >= slotOfWinkId.length) {
      const grown = new Int32Array(Math.max(id + 1, slotOfWinkId.length * 2, 1024));
      grown.set(slotOfWinkId);
      slotOfWinkId = grown;
    }
    winkLexemes.push(lexeme);
    slotOfWinkId[id] = winkLexemes.length;
  }
  return lexeme;
}

/**
 * A token's `lower`: lower case with curly apostrophes straightened.
 *
 * @example
 * lowerForm('Israel’s'); // "israel's"
 */
export function lowerForm(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/**
 * Remember the lexemes found while reading `tokens`, so `lexemesOf` does not look them up again.
 *
 * @example
 * rememberLexemes(tokens, lexemes); // as readArticle does with the lexemes it read
 * lexemesOf(tokens) === lexemes; // true
 */
export function rememberLexemes(tokens: readonly Token[], lexemes: readonly Lexeme[]): void {
  if (lexemes.length === tokens.length) byTokens.set(tokens, lexemes);
}

/**
 * The lexeme of each token, found once per token array and remembered with it.
 *
 * @example
 * lexemesOf(article.tokens)[0].lower; // 'japan'
 */
export function lexemesOf(tokens: readonly Token[]): readonly Lexeme[] {
  let lexemes = byTokens.get(tokens);
  if (lexemes === undefined || lexemes.length !== tokens.length) {
    const found = new Array<Lexeme>(tokens.length);
    for (let i = 0; i < tokens.length; i++) found[i] = lexemeOf(tokens[i]!.lower);
    byTokens.set(tokens, found);
    lexemes = found;
  }
  return lexemes;
}

/**
 * A copy of a string that does not keep alive the text it was cut from (an engine may hold a
 * substring as a view into the whole article), so a process-wide cache never retains articles.
 *
 * @example
 * detach(article.text.slice(0, 5)); // 'Japan', a string that keeps nothing of article.text alive
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
