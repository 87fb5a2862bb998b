import { checkArticle } from '../inputs';
import { firstStartingAt, spanFields, type Article, type Token } from '../article';
import { indexActorTokens, isSurnameTitle, type Actor, type ActorMention } from '../actors';
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
  checkArticle(article);
  const tokens = article.tokens;
  const actorAt = indexActorTokens(context.actors);
  const matches = context.matches('titles', tokens);
  const byOffice = alternativesByOffice(context.lexicons.titles);
  const findings: TitleChoiceFinding[] = [];
  // Right to left, so "Deputy Prime Minister and Minister of Defense Benjamin Gantz" can pass
  // the person of the later title to the earlier one.
  const personOf = new Map<number, Actor>();
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m]!;
    const office = match.entry.office ?? match.entry.id;
    // "Steve King", "Dr. King", "King said": a surname, not the title.
    if (isSurnameTitle(tokens, match.tokenStart, match.tokenEnd, (k) => actorAt.get(k)?.actor.type === 'country')) continue;
    let actor = personAfter(tokens, match.tokenEnd, actorAt);
    if (!actor) {
      const next = matches[m + 1];
      const joiner = tokens[match.tokenEnd];
      // "Deputy Prime Minister and Minister of Defense Benjamin Gantz", "Military Secretary Brig. General Yaki Dolf".
      const joined = joiner && (joiner.lower === 'and' || joiner.lower === '&') && next?.tokenStart === match.tokenEnd + 1;
      if (next && (joined || next.tokenStart === match.tokenEnd)) actor = personOf.get(m + 1);
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
  findings.reverse();
  const held = findings.map((finding, index) => (finding.actor ? finding : withKnownHolder(findings, index, tokens, article)));
  return held.map((finding, index) => (finding.office === COUNTERPART ? asCounterpart(held, index, byOffice, namedBefore(article, actorAt, finding)) : finding));
}

const COUNTERPART = 'counterpart';

/**
 * "Gantz met his Japanese counterpart Yasukazu Hamada": a counterpart holds the office of the
 * titled person named before it (in the same or the two sentences before), so Hamada's office here
 * is the "defense-minister" other articles give him. The finding is a title by reference
 * (`byReference`) whether or not that person is found: the word names no office of its own.
 */
function asCounterpart(findings: readonly TitleChoiceFinding[], index: number, byOffice: Map<string, string[]>, named: ReadonlySet<string>): TitleChoiceFinding {
  const finding = findings[index]!;
  for (let k = index - 1; k >= 0; k--) {
    const earlier = findings[k]!;
    if (earlier.office === COUNTERPART || !earlier.actor || earlier.actor === finding.actor || earlier.boilerplate) continue;
    // The person named before "counterpart" in its sentence ("Gantz met his ... counterpart"), whenever titled; else a title close by.
    if (!named.has(earlier.actor) && finding.sentence - earlier.sentence > 2) continue;
    return { ...finding, office: earlier.office, alternatives: byOffice.get(earlier.office) ?? [], byReference: true };
  }
  return { ...finding, byReference: true };
}

/** The actors named in a finding's sentence before it. */
function namedBefore(article: Article, actorAt: ActorAt, finding: TitleChoiceFinding): Set<string> {
  const sentence = article.sentences[finding.sentence];
  const named = new Set<string>();
  if (!sentence) return named;
  for (let k = sentence.tokenStart; k < sentence.tokenEnd && article.tokens[k]!.end <= finding.start; k++) {
    const hit = actorAt.get(k);
    if (hit) named.add(hit.actor.id);
  }
  return named;
}

/**
 * "The Minister was joined on his visit by ...": a capitalized one-word title after "the" names
 * the person last given a title with that word, within the three sentences before.
 */
function withKnownHolder(findings: readonly TitleChoiceFinding[], index: number, tokens: readonly Token[], article: Article): TitleChoiceFinding {
  const finding = findings[index]!;
  if (/\s/.test(finding.title)) return finding;
  const at = tokenIndexAt(tokens, finding.start);
  if (at <= 0 || tokens[at - 1]!.lower !== 'the') return finding;
  for (let k = index - 1; k >= 0; k--) {
    const earlier = findings[k]!;
    if (finding.sentence - earlier.sentence > 3) break;
    if (earlier.actor && earlier.title.split(' ').includes(finding.title) && !article.blocks[earlier.block]?.role.startsWith('boiler')) {
      return { ...finding, actor: earlier.actor };
    }
  }
  return finding;
}

function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  const at = firstStartingAt(tokens, offset);
  return at < tokens.length && tokens[at]!.start === offset ? at : -1;
}

function isSentenceStart(tokens: readonly Token[], at: number): boolean {
  return at === 0 || tokens[at - 1]!.sentence !== tokens[at]!.sentence;
}

function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
}

/**
 * The person named right after a title: across a comma, bracket or dash, a short parenthesis
 * ("Director General (res.) Amir Eshel") or the country of a posting ("Ambassador to Japan Rahm
 * Emmanuel").
 */
function personAfter(tokens: readonly Token[], at: number, actorAt: ActorAt): Actor | undefined {
  let sentence = tokens[at - 1]!.sentence;
  let k = at;
  let gaps = 0;
  while (k < tokens.length && tokens[k]!.sentence === sentence && gaps <= 6) {
    const hit = actorAt.get(k);
    if (hit && hit.mention.tokenStart === k && hit.mention.tokenEnd !== undefined) {
      if (hit.actor.type === 'person' || hit.actor.type === 'unknown') return hit.actor;
      const before = tokens[k - 1]!.lower;
      if (hit.actor.type !== 'country' || !POSTING.has(before)) return undefined;
      k = hit.mention.tokenEnd;
      gaps++;
      continue;
    }
    const token = tokens[k]!;
    if (token.value === '(') {
      const inside = actorAt.get(k + 1);
      if (inside && inside.mention.tokenStart === k + 1 && inside.actor.type === 'person') return inside.actor; // "the Minister (Hamada)"
      let close = k + 1;
      while (close < tokens.length && close <= k + 4 && tokens[close]!.value !== ')') close++;
      if (tokens[close]?.value !== ')') return undefined;
      k = close + 1;
      // The sentence splitter may end a sentence at an abbreviation inside the brackets ("(res.)").
      if (k < tokens.length) sentence = tokens[k]!.sentence;
      gaps++;
      continue;
    }
    if (!TITLE_NAME_GAP.has(token.value) && !(POSTING.has(token.lower) && actorAt.get(k + 1)?.actor.type === 'country')) return undefined;
    k++;
    gaps++;
  }
  return undefined;
}

/** Words that tie a title to the country of a posting: "Ambassador to Japan". */
const POSTING = new Set(['to', 'in', 'for']);

/** The person a title describes in apposition: "Hamada, the Japanese Defense Minister", "Gantz, Israel's defense minister". */
function personBefore(tokens: readonly Token[], at: number, actorAt: ActorAt): Actor | undefined {
  let sawComma = false;
  for (let k = at - 1; k >= 0 && k >= at - 7; k--) {
    if (tokens[k]!.sentence !== tokens[at]!.sentence) return undefined;
    const hit = actorAt.get(k);
    if (hit) {
      if (hit.actor.type === 'country') continue; // "the Israeli defense minister"
      return sawComma && (hit.actor.type === 'person' || hit.actor.type === 'unknown') ? hit.actor : undefined;
    }
    const token = tokens[k]!;
    if (token.value === ',') sawComma = true;
    // A country's possessive stands where its adjective would: "Gantz, Israel's defense minister".
    if (!APPOSITION_WORDS.has(token.lower) && token.pos !== 'ADJ' && token.lower !== "'s") return undefined;
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
