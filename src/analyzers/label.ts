import { checkArticle } from '../inputs';
import { spanFields, type Article, type Token } from '../article';
import { COUNTRIES, indexActorTokens, type Actor, type ActorMention } from '../actors';
import type { LabelFinding } from '../findings';
import type { PhraseMatch } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';

type ActorAt = ReadonlyMap<number, { readonly actor: Actor; readonly mention: ActorMention }>;

/**
 * Families whose single-word labels are ordinary nouns too ("the occupation of the West Bank",
 * "regime change"): they count only when they stand for an actor, that is with an actor or
 * nationality right before them, or as "the occupation" / "the regime" not followed by "of".
 */
const REFERENT_FAMILIES = new Set(['occupation', 'regime', 'puppet', 'settler']);
const DETERMINERS = new Set(['the', 'this', 'that', 'its', 'their']);
const NOT_A_REFERENT_AFTER = new Set(['of', 'change', 'changes']);
const COUNTRY_BY_NAME = new Map(COUNTRIES.map((country) => [country.name.toLowerCase(), country.id]));

/**
 * Loaded labels that stand for or qualify an actor: "the Israeli occupation", "Zionist entity",
 * "the Iranian regime", "terrorists", "so-called X". Each finding carries the label family and
 * a neutral alternative, made concrete from the actor when one qualifies the label ("Israeli
 * occupation" → "Israel", "Iranian regime" → "Iranian government", "so-called X" → "X").
 *
 * @example
 * findLabels(readArticle('Japan and the Israeli occupation are working on ...'), context)[0];
 * // { text: 'Israeli occupation', family: 'occupation', actor: 'israel', alternative: 'Israel' }
 */
export function findLabels(article: Article, context: AnalyzerContext): LabelFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  const actorAt = indexActorTokens(context.actors);
  const findings: LabelFinding[] = [];
  for (const match of context.matches('labels', tokens)) {
    const family = match.entry.category;
    const qualifier = qualifierBefore(tokens, match.tokenStart, actorAt);
    const single = match.tokenEnd - match.tokenStart === 1;
    if (REFERENT_FAMILIES.has(family) && single && !qualifier && !standsAlone(tokens, match)) continue;
    if (family === 'regime' && single && NOT_A_REFERENT_AFTER.has(tokens[match.tokenEnd]?.lower ?? '')) continue;
    if (describesAnEvent(tokens, match)) continue;

    let start = qualifier ? tokens[qualifier.tokenStart]!.start : tokens[match.tokenStart]!.start;
    let end = tokens[match.tokenEnd - 1]!.end;
    let alternative = match.entry.alternative ?? '';
    let actor = qualifier?.actor;
    if (family === 'so-called') {
      const named = phraseAfter(tokens, match.tokenEnd, actorAt, article.text);
      if (!named) continue;
      end = named.end;
      alternative = named.text;
      actor = named.actor;
      start = tokens[match.tokenStart]!.start;
    } else if (qualifier) {
      const qualifierText = article.text.slice(tokens[qualifier.tokenStart]!.start, tokens[qualifier.tokenEnd - 1]!.end);
      if (/^\p{Lu}/u.test(alternative) && qualifier.actor.type === 'country') alternative = qualifier.actor.name;
      else if (/^\p{Ll}/u.test(alternative)) alternative = `${qualifierText} ${alternative}`;
    }
    if (!actor && /^\p{Lu}/u.test(alternative)) {
      const id = COUNTRY_BY_NAME.get(alternative.toLowerCase());
      const known = id ? context.actors.find((candidate) => candidate.id === id) : undefined;
      if (known) actor = known;
    }
    findings.push({
      analyzer: 'label',
      rule: match.entry.id,
      ...spanFields(article, start, end),
      label: article.text.slice(tokens[match.tokenStart]!.start, tokens[match.tokenEnd - 1]!.end).toLowerCase(),
      family,
      ...(actor ? { actor: actor.id } : {}),
      alternative,
    });
  }
  return findings;
}

/** The actor named right before a label: "Israeli occupation", "Assad regime", "Iran's regime". */
function qualifierBefore(tokens: readonly Token[], at: number, actorAt: ActorAt): { actor: Actor; tokenStart: number; tokenEnd: number } | undefined {
  let k = at - 1;
  if (k >= 0 && (tokens[k]!.lower === "'s" || tokens[k]!.lower === "'")) k--;
  if (k < 0 || tokens[k]!.sentence !== tokens[at]!.sentence) return undefined;
  const hit = actorAt.get(k);
  if (!hit || hit.mention.tokenEnd !== k + 1 || hit.mention.tokenStart === undefined) return undefined;
  return { actor: hit.actor, tokenStart: hit.mention.tokenStart, tokenEnd: at };
}

/** Nouns after "terrorist" or "militant" that still name people: "terrorist group", "militant leaders". */
const ACTOR_NOUNS = new Set(['group', 'groups', 'organization', 'organizations', 'organisation', 'organisations', 'cell', 'cells', 'leader', 'leaders', 'network', 'networks', 'fighters', 'suspect', 'suspects', 'commander', 'commanders', 'members', 'member', 'movement', 'state', 'regime', 'outfit', 'faction', 'factions', 'wing']);

/**
 * A single-word label used as a modifier of an event or thing ("terrorist attack", "militant
 * activity") describes what happened rather than naming an actor.
 */
function describesAnEvent(tokens: readonly Token[], match: PhraseMatch): boolean {
  if (match.tokenEnd - match.tokenStart !== 1) return false;
  const next = tokens[match.tokenEnd];
  if (!next || next.sentence !== tokens[match.tokenStart]!.sentence || next.pos !== 'NOUN') return false;
  return !ACTOR_NOUNS.has(next.lower);
}

/** "the occupation", "the regime" used as a name: a determiner before and no "of" after. */
function standsAlone(tokens: readonly Token[], match: PhraseMatch): boolean {
  const before = tokens[match.tokenStart - 1];
  const after = tokens[match.tokenEnd];
  return before !== undefined && DETERMINERS.has(before.lower) && !(after && NOT_A_REFERENT_AFTER.has(after.lower));
}

/** The name after "so-called": a quotation, an actor's mention, or a short noun phrase. */
function phraseAfter(tokens: readonly Token[], at: number, actorAt: ActorAt, text: string): { end: number; text: string; actor?: Actor } | undefined {
  const first = tokens[at];
  if (!first || first.sentence !== tokens[at - 1]!.sentence) return undefined;
  const hit = actorAt.get(at);
  if (hit && hit.mention.tokenStart === at) return { end: hit.mention.end, text: hit.mention.text, actor: hit.actor };
  let k = at;
  const isQuote = /^["\u201c\u2018']$/.test(first.value);
  if (isQuote) {
    k++;
    while (k < tokens.length && k < at + 8 && tokens[k]!.sentence === first.sentence && !/^["\u201d\u2019']$/.test(tokens[k]!.value)) k++;
    if (k >= tokens.length || !/^["\u201d\u2019']$/.test(tokens[k]!.value)) return undefined;
    return { end: tokens[k]!.end, text: text.slice(tokens[at + 1]!.start, tokens[k - 1]!.end) };
  }
  // Modifiers then a head noun: "so-called peace process", "so-called Islamic State".
  let last = -1;
  while (k < tokens.length && k < at + 4 && tokens[k]!.sentence === first.sentence) {
    const pos = tokens[k]!.pos;
    if (pos === 'NOUN' || pos === 'PROPN') last = k;
    else if (pos !== 'ADJ' && !(tokens[k]!.value === '-' && last === k - 1)) break;
    k++;
  }
  if (last === -1) return undefined;
  return { end: tokens[last]!.end, text: text.slice(first.start, tokens[last]!.end) };
}

/** The label analyzer's descriptor. */
export const label: Analyzer<'label'> = {
  id: 'label',
  summary: 'Loaded labels for actors ("the Israeli occupation", "regime", "so-called"), with the label family and a neutral alternative.',
  analyze: findLabels,
};
