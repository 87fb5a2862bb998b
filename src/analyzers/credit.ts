import { checkArticle } from '../inputs';
import { spanFields, type Article, type Token } from '../article';
import type { CreditFinding, CreditKind } from '../findings';
import type { PhraseMatch } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { isDash } from './speech';

const OUTLET_CATEGORIES: ReadonlySet<string> = new Set(['agency', 'outlet']);
const PHRASE_KINDS: Readonly<Record<string, CreditKind>> = { 'read-more': 'read-more', 'originally-appeared': 'originally-appeared', source: 'source' };
// Words that extend an outlet's name: "the Kyodo news agency", "Yomiuri newspaper".
const NAME_TAILS: ReadonlySet<string> = new Set(['news', 'agency', 'service', 'newspaper', 'daily', 'wire', 'website', 'site']);
const DOMAINS: ReadonlySet<string> = new Set(['org', 'com', 'net', 'co', 'il', 'jp', 'uk', 'news']);
// An outlet followed by one of these reported something: "Yomiuri, revealed that ...".
const REPORTING_AFTER: ReadonlySet<string> = new Set(['reported', 'reports', 'said', 'says', 'revealed', 'reveals', 'wrote', 'writes', 'quoted', 'cited', 'learned', 'learnt']);
// Nouns that open a credit line: "This article originally appeared on JTA.org."
const CREDIT_LINE_NOUNS: ReadonlySet<string> = new Set(['article', 'story', 'report', 'piece', 'post', 'column']);

/**
 * Syndication and source credits: "(JTA) —" datelines, "–JNS.org" sign-offs, "Read the full story
 * at Jerusalem Post", "This article originally appeared on JTA.org.", and agencies or outlets cited
 * as a source ("according to the Associated Press", "cited by the Kyodo news agency").
 *
 * @example
 * findCredits(readArticle('(JTA) — Israel and Japan signed a pact.'), context)[0]; // { source: 'JTA', kind: 'syndication', text: '(JTA) —', ... }
 */
export function findCredits(article: Article, context: AnalyzerContext): CreditFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  const matches = context.matches('credits', tokens);
  const findings: CreditFinding[] = [];
  const push = (match: PhraseMatch, kind: CreditKind, rule: string, start: number, end: number): void => {
    findings.push({ analyzer: 'credit', rule, ...spanFields(article, start, end), source: match.entry.terms[0]!, kind });
  };
  matches.forEach((match, index) => {
    if (!OUTLET_CATEGORIES.has(match.entry.category)) return;
    const first = match.tokenStart;
    let last = match.tokenEnd - 1;
    const sentence = article.sentences[tokens[first]!.sentence]!;
    const blockIndex = sentence.block;
    const block = article.blocks[blockIndex]!;
    const before = first > 0 && tokens[first - 1]!.sentence === tokens[first]!.sentence ? tokens[first - 1] : undefined;
    const prevInBlock = first > 0 && article.sentences[tokens[first - 1]!.sentence]!.block === blockIndex ? tokens[first - 1] : undefined;
    // "Michael Bloomberg", "NBC News’ ...": part of a longer name, or a possessor, is no credit.
    if (before && before.pos === 'PROPN' && /^\p{Lu}/u.test(before.value)) return;
    while (last + 1 < tokens.length && tokens[last + 1]!.sentence === tokens[first]!.sentence && NAME_TAILS.has(tokens[last + 1]!.lower) && !endsSentence(tokens, last + 1)) last++;
    // A web address written as the name: "JNS.org", "JTA.org" (the tokenizer may split it across sentences).
    if (last + 2 < tokens.length && tokens[last + 1]!.value === '.' && tokens[last + 1]!.start === tokens[last]!.end && tokens[last + 2]!.start === tokens[last + 1]!.end && DOMAINS.has(tokens[last + 2]!.lower)) last += 2;
    const next = nextInBlock(article, last + 1, blockIndex);
    const startOf = (token: Token): number => token.start;

    // Dateline credit: "(JTA) —", "TOKYO (Reuters) -".
    if (prevInBlock?.value === '(' && next?.value === ')') {
      const after = nextInBlock(article, last + 2, blockIndex);
      const end = after && isDash(after) ? after.end : next.end;
      push(match, 'syndication', 'credit.parenthesised', prevInBlock.start, end);
      return;
    }
    // Sign-off on its own line: "–JNS.org", "— AP".
    const blockStartsHere = prevInBlock === undefined || (isDash(prevInBlock) && prevInBlock.start === block.start);
    const restOfBlock = next === undefined || (next.value === '.' && nextInBlock(article, last + 2, blockIndex) === undefined);
    if (blockStartsHere && restOfBlock && (prevInBlock !== undefined || last - first < 4)) {
      push(match, 'syndication', 'credit.sign-off', block.start, block.end);
      return;
    }
    if (prevInBlock && isDash(prevInBlock) && restOfBlock) {
      push(match, 'syndication', 'credit.sign-off', prevInBlock.start, tokens[last]!.end);
      return;
    }
    // A credit phrase right before the outlet, with an optional article: "according to the Associated Press".
    const phrase = matches[index - 1];
    if (phrase && PHRASE_KINDS[phrase.entry.category] !== undefined) {
      let gap = phrase.tokenEnd;
      while (gap < first && tokens[gap]!.pos === 'DET') gap++;
      if (gap === first && tokens[phrase.tokenStart]!.sentence === tokens[first]!.sentence) {
        const kind = PHRASE_KINDS[phrase.entry.category]!;
        let start = startOf(tokens[phrase.tokenStart]!);
        // "This article originally appeared on ...": the credit line starts with its subject.
        const subjectAt = phrase.tokenStart - 2;
        if (kind !== 'source' && subjectAt >= sentence.tokenStart && tokens[subjectAt]!.pos === 'DET' && CREDIT_LINE_NOUNS.has(tokens[subjectAt + 1]!.lower)) start = tokens[subjectAt]!.start;
        push(match, kind, phrase.entry.id, start, tokens[last]!.end);
        return;
      }
    }
    // The outlet reports: "a major Japanese newspaper, Yomiuri, revealed that ...".
    let k = last + 1;
    if (k < sentence.tokenEnd && tokens[k]!.value === ',') k++;
    if (k < sentence.tokenEnd && REPORTING_AFTER.has(tokens[k]!.lower)) {
      push(match, 'source', 'credit.outlet-reports', tokens[first]!.start, tokens[last]!.end);
    }
  });
  return findings;
}

function endsSentence(tokens: readonly Token[], index: number): boolean {
  return tokens[index]!.value === '.' && (index + 1 >= tokens.length || tokens[index + 1]!.sentence !== tokens[index]!.sentence);
}

function nextInBlock(article: Article, index: number, block: number): Token | undefined {
  const token = article.tokens[index];
  return token && article.sentences[token.sentence]!.block === block ? token : undefined;
}

/** The credit analyzer's descriptor. */
export const creditAnalyzer: Analyzer<'credit'> = {
  id: 'credit',
  summary: 'Syndication and source credits: datelines, sign-offs, "originally appeared on", "according to" an agency.',
  analyze: findCredits,
};
