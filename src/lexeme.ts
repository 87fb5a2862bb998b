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
      if (LEXEMES.size >= LEXEMES_LIMIT) LEXEMES.clear();
      LEXEMES.set(lexeme.lower, lexeme);
    }
  }
  return lexeme;
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
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
