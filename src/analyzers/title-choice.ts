import { spanFields, type Article, type Token } from '../article';
import { indexActorTokens, type Actor, type ActorMention } from '../actors';
import type { TitleChoiceFinding } from '../findings';
import type { LexiconEntry } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';

type ActorAt = ReadonlyMap<number, { readonly actor: Actor; readonly mention: ActorMention }>;

/** Words that may stand between a person's name and a title describing them ("Gantz, who is the first Israeli defense minister"). */
const APPOSITION_WORDS = new Set([',', 'who', 'is', 'was', 'the', 'a', 'an', 'first', 'former', 'new', 'then', 'current', 'now', 'acting', 'his', 'her', 'its', 'their', '(']);
/** Words between a title and the name it precedes ("The Japanese Defense Minister, Hamada"; "the Minister (Hamada)"). */
const TITLE_NAME_GAP = new Set([',', '(', '\u2013', '\u2014', '-']);

/**
 * The role or title a text gives a person: a titles-lexicon term ("security minister",
 * "Minister of Defense", "Deputy Prime Minister") attached to the name that follows it, to a
 * later title it is joined to with "and", or to the name it describes in apposition. Each
 * finding names the office, so titles of one office compare across articles, and lists the
 * other titles of that office. Lower-case titles that attach to nobody ("the president") are
 * not findings: they name no one.
 *
 * @example
 * findTitleChoices(readArticle('Israeli security minister Benny Gantz met ...'), context)[0];
 * // { title: 'security minister', office: 'defense-minister', actor: 'gantz', alternatives: ['defense minister', ...] }
 */
export function findTitleChoices(article: Article, context: AnalyzerContext): TitleChoiceFinding[] {
  const tokens = article.tokens;
  const actorAt = indexActorTokens(context.actors);
  const matches = context.matcher('titles').match(tokens);
  const byOffice = alternativesByOffice(context.lexicons.titles);
  const findings: TitleChoiceFinding[] = [];
  // Right to left, so "Deputy Prime Minister and Minister of Defense Benjamin Gantz" can pass
  // the person of the later title to the earlier one.
  const personOf = new Map<number, Actor>();
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m]!;
    const office = match.entry.office ?? match.entry.id;
    let actor = personAfter(tokens, match.tokenEnd, actorAt);
    if (!actor) {
      const next = matches[m + 1];
      const joiner = tokens[match.tokenEnd];
      if (next && joiner && (joiner.lower === 'and' || joiner.lower === '&') && next.tokenStart === match.tokenEnd + 1) actor = personOf.get(m + 1);
    }
    if (!actor) actor = personBefore(tokens, match.tokenStart, actorAt);
    if (actor) personOf.set(m, actor);
    const first = tokens[match.tokenStart]!;
    if (!actor && !/^\p{Lu}/u.test(first.value)) continue;
    if (!actor && isSentenceStart(tokens, match.tokenStart) && match.tokenEnd - match.tokenStart === 1) continue;
    const start = first.start;
    const end = tokens[match.tokenEnd - 1]!.end;
    const title = normalizeTitle(article.text.slice(start, end));
    findings.push({
      analyzer: 'title-choice',
      rule: match.entry.id,
      ...spanFields(article, start, end),
      title,
      office,
      ...(actor ? { actor: actor.id } : {}),
      alternatives: (byOffice.get(office) ?? []).filter((term) => term !== title),
    });
  }
  return findings.reverse();
}

function isSentenceStart(tokens: readonly Token[], at: number): boolean {
  return at === 0 || tokens[at - 1]!.sentence !== tokens[at]!.sentence;
}

function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
}

/** The person named right after a title, across at most one comma, bracket or dash. */
function personAfter(tokens: readonly Token[], at: number, actorAt: ActorAt): Actor | undefined {
  for (let k = at; k < tokens.length && k <= at + 1; k++) {
    if (tokens[k]!.sentence !== tokens[at - 1]!.sentence) return undefined;
    const hit = actorAt.get(k);
    if (hit && hit.mention.tokenStart === k) return hit.actor.type === 'person' || hit.actor.type === 'unknown' ? hit.actor : undefined;
    if (!TITLE_NAME_GAP.has(tokens[k]!.value)) return undefined;
  }
  return undefined;
}

/** The person a title describes in apposition: "Hamada, the Japanese Defense Minister". */
function personBefore(tokens: readonly Token[], at: number, actorAt: ActorAt): Actor | undefined {
  let sawComma = false;
  for (let k = at - 1; k >= 0 && k >= at - 7; k--) {
    if (tokens[k]!.sentence !== tokens[at]!.sentence) return undefined;
    const hit = actorAt.get(k);
    if (hit) {
      if (hit.actor.type === 'country') continue; // "the Israeli defense minister"
      return sawComma && hit.actor.type === 'person' ? hit.actor : undefined;
    }
    const token = tokens[k]!;
    if (token.value === ',') sawComma = true;
    if (!APPOSITION_WORDS.has(token.lower) && token.pos !== 'ADJ') return undefined;
  }
  return undefined;
}

const alternativesCache = new WeakMap<readonly LexiconEntry[], Map<string, string[]>>();

/** Every title term of each office, lower-cased, in lexicon order. */
function alternativesByOffice(entries: readonly LexiconEntry[]): Map<string, string[]> {
  let byOffice = alternativesCache.get(entries);
  if (!byOffice) {
    byOffice = new Map();
    for (const entry of entries) {
      const office = entry.office ?? entry.id;
      const list = byOffice.get(office) ?? [];
      for (const term of entry.terms) {
        const lower = normalizeTitle(term);
        if (!list.includes(lower)) list.push(lower);
      }
      byOffice.set(office, list);
    }
    alternativesCache.set(entries, byOffice);
  }
  return byOffice;
}

/** The title-choice analyzer's descriptor. */
export const titleChoice: Analyzer<'title-choice'> = {
  id: 'title-choice',
  summary: 'The role or title a text gives a person ("security minister" vs "defense minister"), with the office and its other titles.',
  analyze: findTitleChoices,
};
