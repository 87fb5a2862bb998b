import { insideSpans, speechSpans, type Article, type Token } from '../article';
import { SCARE_QUOTE_MAX_WORDS } from '../analyzers/speech';
import { compareText, isContentToken, round4, stemWord } from './terms';

/** How one article names the event itself: "historic defense agreement". */
export interface EventWording {
  readonly article: string;
  /** The phrase as written: `text.slice(start, end)`. */
  readonly wording: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Where the phrase stands: in a headline, or in the n-th body sentence (0 for the first). */
  readonly position: 'headline' | number;
  /** The head noun's stem ("agreement"). */
  readonly head: string;
  /** Words before the head ("historic defense"), and after it through a preposition ("for defense cooperation"). */
  readonly modifiers: readonly string[];
  /** Share of the other articles' leads that use each word of the phrase, summed. */
  readonly support: number;
}

export interface EventSection {
  /** One entry per article whose lead names the shared event, in input order. */
  readonly articles: readonly EventWording[];
  /** Each distinct wording (compared by word stems) with the articles that use it. */
  readonly variants: readonly { readonly wording: string; readonly articles: readonly string[] }[];
}

export interface CompareEventOptions {
  /** Body sentences read as the lead after the headline (default 3). */
  readonly leadSentences?: number;
  /** Least support for a phrase to name the shared event (default 0.5: one word used by half the other leads). */
  readonly minSupport?: number;
}

export const DEFAULT_EVENT_OPTIONS: Readonly<Required<CompareEventOptions>> = Object.freeze({ leadSentences: 3, minSupport: 0.5 });

interface LeadUnit {
  readonly sentence: number;
  readonly position: 'headline' | number;
  readonly tokens: readonly Token[];
  /** A Title Case headline, whose proper-noun tags the story's text corrects. */
  readonly retag: boolean;
}

/**
 * The part of speech each of the given lower-case words has most often where it is not tagged a
 * proper noun: what a Title Case headline hides ("Trump Sends Investigators to Hawaii") the
 * story's text tells.
 */
function commonTags(articles: readonly Article[], words: ReadonlySet<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const token of article.tokens) {
      if (token.pos === 'PROPN' || !words.has(token.lower) || article.blocks[article.sentences[token.sentence]!.block]!.role === 'boilerplate') continue;
      let tags = counts.get(token.lower);
      if (!tags) counts.set(token.lower, (tags = new Map()));
      tags.set(token.pos, (tags.get(token.pos) ?? 0) + 1);
    }
  }
  const best = new Map<string, string>();
  for (const [word, tags] of counts) best.set(word, [...tags.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]![0]);
  return best;
}

/** A headline with most of its words capitalised, whose proper-noun tags cannot be trusted. */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.slice(1).filter((token) => /^\p{L}/u.test(token.value) && token.value.length > 3);
  return words.length >= 2 && words.filter((token) => /^\p{Lu}/u.test(token.value)).length / words.length >= 0.6;
}

/** Headline sentences before the first body block, then the first body sentences; `retag` marks Title Case headlines. */
function leadUnits(article: Article, leadSentences: number): LeadUnit[] {
  const units: LeadUnit[] = [];
  let body = 0;
  for (const sentence of article.sentences) {
    const role = article.blocks[sentence.block]!.role;
    if (role === 'boilerplate') continue;
    if (role === 'headline' && body > 0) continue;
    if (role === 'body' && body >= leadSentences) break;
    const tokens = article.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    units.push({ sentence: sentence.index, position: role === 'headline' ? 'headline' : body, tokens, retag: role === 'headline' && isTitleCase(tokens) });
    if (role === 'body') body++;
  }
  return units;
}

/**
 * The leads of a story, each Title Case headline's proper nouns given the tag the story's text
 * gives those words most often; the story's tags are counted only for the words that need them.
 * A headline's verb the tagger read as a noun ("Israel, Japan sign pact") is a verb again.
 */
function storyLeads(articles: readonly Article[], leadSentences: number): LeadUnit[][] {
  const leads = articles.map((article) => leadUnits(article, leadSentences));
  const words = new Set<string>();
  for (const units of leads) for (const unit of units) if (unit.retag) for (const token of unit.tokens) if (token.pos === 'PROPN') words.add(token.lower);
  const tags = words.size > 0 ? commonTags(articles, words) : new Map<string, string>();
  const retagged = leads.map((units) =>
    units.map((unit) =>
      unit.retag ? { ...unit, tokens: unit.tokens.map((token) => (token.pos === 'PROPN' && tags.has(token.lower) ? { ...token, pos: tags.get(token.lower)! } : token)) } : unit,
    ),
  );
  const verbs = headlineVerbs(articles, retagged);
  if (verbs.size === 0) return retagged;
  return retagged.map((units) =>
    units.map((unit) => (unit.position === 'headline' ? { ...unit, tokens: unit.tokens.map((token, k) => (verbs.has(token.lower) && isVerbSlot(unit, k) ? { ...token, pos: 'VERB' } : token)) } : unit)),
  );
}

/**
 * Where a headline's present-tense verb stands: after its subject, the parties' names, and before
 * its object ("Japan sign pact", "Israel, Japan sign historic defense agreement"). A noun at the
 * end or before a preposition is left alone: there "Boeing jet crash" and "Obama visit to
 * Hiroshima" are noun phrases, however often the bodies write "crashed" and "visited".
 */
function isVerbSlot(unit: LeadUnit, k: number): boolean {
  const tokens = unit.tokens;
  const token = tokens[k]!;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  // In Title Case a word the story never writes in lower case is still tagged a proper noun ("Rips").
  const nounLike = token.pos === 'NOUN' || (unit.retag && token.pos === 'PROPN');
  return nounLike && before?.pos === 'PROPN' && after !== undefined && OBJECT_STARTS.has(after.pos);
}

// A Title Case headline's object is a proper noun as often as not: "Glenn Beck Rips Progressivism".
const OBJECT_STARTS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);

/**
 * A verb's regular inflections: "sign" → signs, signed, signing; "agree" → agrees, agreed,
 * agreeing; "stop" → stops, stopped, stopping.
 *
 * @example
 * inflections('agree'); // ['agree', 'agrees', 'agreed', 'agreeing']
 */
export function inflections(word: string): string[] {
  const forms = [word, /(?:s|sh|ch|x|z)$/.test(word) ? `${word}es` : `${word}s`];
  if (word.endsWith('ee')) forms.push(`${word}d`, `${word}ing`);
  else if (word.endsWith('e')) forms.push(`${word}d`, `${word.slice(0, -1)}ing`);
  else {
    forms.push(`${word}ed`, `${word}ing`);
    // A short word ending consonant-vowel-consonant doubles the consonant: "stop" → "stopped".
    if (/^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(word)) forms.push(`${word}${word.at(-1)}ed`, `${word}${word.at(-1)}ing`);
  }
  return forms;
}

/** The word, and for a third-person "-s" form its base as well: "rips" → rip, "pushes" → push. */
function verbBases(word: string): string[] {
  if (/(?:ss|us|is)$/.test(word) || !word.endsWith('s') || word.length < 4) return [word];
  if (/(?:sh|ch|x|z|ss)es$/.test(word)) return [word, word.slice(0, -2)];
  // "ties" → tie, "dies" → die; "rallies" → rally.
  if (word.length <= 4 && word.endsWith('ies')) return [word, word.slice(0, -1)];
  if (/[^aeiou]ies$/.test(word)) return [word, `${word.slice(0, -3)}y`];
  return [word, word.slice(0, -1)];
}

/**
 * The headline words in a verb slot that the story's text uses as a verb more often than as a
 * noun, in any regular inflection ("sign" where the bodies write "signed"): headline style drops
 * the tense a tagger reads verbs by.
 */
function headlineVerbs(articles: readonly Article[], leads: readonly LeadUnit[][]): Set<string> {
  const forms = new Map<string, string>(); // inflected form → the headline word
  for (const units of leads) {
    for (const unit of units) {
      if (unit.position !== 'headline') continue;
      unit.tokens.forEach((token, k) => {
        if (!isVerbSlot(unit, k) || !/^\p{Ll}+$/u.test(token.lower)) return;
        // Headlines write the present: "sign", or "rips" whose base is "rip".
        for (const base of verbBases(token.lower)) for (const form of inflections(base)) forms.set(form, token.lower);
      });
    }
  }
  if (forms.size === 0) return new Set();
  const asVerb = new Map<string, number>();
  const asNoun = new Map<string, number>();
  for (const article of articles) {
    for (const token of article.tokens) {
      const word = forms.get(token.lower);
      if (word === undefined || article.blocks[article.sentences[token.sentence]!.block]!.role !== 'body') continue;
      const counts = token.pos === 'VERB' ? asVerb : token.pos === 'NOUN' ? asNoun : undefined;
      if (counts) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const verbs = new Set<string>();
  for (const [word, count] of asVerb) if (count > (asNoun.get(word) ?? 0)) verbs.add(word);
  return verbs;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
// Nouns of time, by stem: a phrase headed by one dates the event rather than naming it.
const TIME_HEADS: ReadonlySet<string> = new Set([
  'time', 'day', 'week', 'month', 'year', 'hour', 'minute', 'moment', 'morning', 'afternoon', 'evening', 'night', 'weekend',
  'today', 'yesterday', 'tonight', 'decade', 'century', 'season', 'period',
]);
// Times that point from the day of writing: "announcement today" is an announcement, dated.
const DEICTIC_TIMES: ReadonlySet<string> = new Set(['today', 'yesterday', 'tonight']);
const PREMODIFIER = new Set(['ADJ', 'NUM']);
// Prepositions that attach an argument to an event noun: "memorandum for defense cooperation", "agreement on defense".
const ATTACHING = new Set(['of', 'for', 'on']);

/** A noun phrase as a token range of its sentence. */
export interface NounChunk {
  readonly from: number;
  /** One past the last token; `tokens[to - 1]` is the head, a common noun. */
  readonly to: number;
}

/**
 * Noun phrases of a token run: adjectives and numbers, then nouns, ending in a common noun. A noun
 * followed by an adjective starts a new phrase ("sign | historic defense agreement"), and a phrase
 * directly followed by a proper noun is a title before a name ("security minister Benny Gantz").
 *
 * @example
 * findNounChunks(readArticle('Israel, Japan sign historic defense agreement').tokens); // [{ from: 2, to: 4 }, { from: 4, to: 7 }]: "Japan sign", "historic defense agreement"
 */
export function findNounChunks(tokens: readonly Token[]): NounChunk[] {
  const chunks: NounChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!PREMODIFIER.has(tokens[i]!.pos) && !NOMINAL.has(tokens[i]!.pos)) {
      i++;
      continue;
    }
    const from = i;
    while (i < tokens.length && PREMODIFIER.has(tokens[i]!.pos)) i++;
    while (i < tokens.length && NOMINAL.has(tokens[i]!.pos)) i++;
    let to = i;
    if (to === from) {
      i++;
      continue;
    }
    while (to > from && tokens[to - 1]!.pos !== 'NOUN') to--;
    if (to > from && tokens[to]?.pos !== 'PROPN') chunks.push({ from, to });
  }
  return chunks;
}

interface Candidate {
  readonly unit: LeadUnit;
  readonly from: number;
  readonly to: number;
  readonly headIndex: number;
  readonly stems: readonly string[];
}

function candidates(unit: LeadUnit): Candidate[] {
  const tokens = unit.tokens;
  const chunks = findNounChunks(tokens);
  const out: Candidate[] = [];
  chunks.forEach((chunk, index) => {
    let to = chunk.to;
    const next = chunks[index + 1];
    const preposition = tokens[chunk.to];
    if (next && preposition && preposition.pos === 'ADP' && ATTACHING.has(preposition.lower)) {
      const article = tokens[chunk.to + 1];
      const startsAt = article && article.pos === 'DET' ? chunk.to + 2 : chunk.to + 1;
      if (next.from === startsAt) to = next.to;
    }
    // Proper nouns name the parties ("Japan", "Israeli") and numbers count them: only common words
    // say what happened.
    // A time ("many times", "recent days", "last week") says when, not what happened; "jail time"
    // and "election day", a noun before the time, say what.
    const head = stemWord(tokens[chunk.to - 1]!.lower);
    if (TIME_HEADS.has(head) && (DEICTIC_TIMES.has(head) || !tokens.slice(chunk.from, chunk.to - 1).some((token) => NOMINAL.has(token.pos)))) return;
    const stems = [...new Set(tokens.slice(chunk.from, to).filter((token) => token.pos !== 'PROPN' && token.pos !== 'NUM' && isContentToken(token)).map((token) => stemWord(token.lower)))];
    out.push({ unit, from: chunk.from, to, headIndex: chunk.to - 1, stems });
  });
  return out;
}

/**
 * How each article names the event itself: in its lead (headline first, then the first body
 * sentences), the first noun phrase whose words the other articles' leads share, with its full
 * modifier chain. The story's own vocabulary decides, so nothing is listed by hand.
 *
 * @example
 * compareEvent(articles).articles.map((a) => a.wording); // ['military collaboration', 'historic defense agreement', ...]
 */
export function compareEvent(articles: readonly Article[], options: CompareEventOptions = {}): EventSection {
  const { leadSentences, minSupport } = { ...DEFAULT_EVENT_OPTIONS, ...options };
  const leads = storyLeads(articles, leadSentences);
  const leadStems = leads.map((units) => {
    const stems = new Set<string>();
    for (const unit of units) for (const token of unit.tokens) if (isContentToken(token)) stems.add(stemWord(token.lower));
    return stems;
  });
  const stemArticles = new Map<string, number>();
  for (const stems of leadStems) for (const stem of stems) stemArticles.set(stem, (stemArticles.get(stem) ?? 0) + 1);
  const others = articles.length - 1;

  const wordings: EventWording[] = [];
  articles.forEach((article, index) => {
    // A phrase in someone's quoted speech names the event in the speaker's words, not the outlet's
    // ("two ancient nations" in Gantz's words).
    const speech = speechSpans(article, SCARE_QUOTE_MAX_WORDS);
    let best: { candidate: Candidate; support: number } | undefined;
    for (const unit of leads[index]!) {
      for (const candidate of candidates(unit)) {
        if (insideSpans(speech, unit.tokens[candidate.from]!.start, unit.tokens[candidate.to - 1]!.end)) continue;
        const support = others > 0 ? candidate.stems.reduce((sum, stem) => sum + (stemArticles.get(stem)! - 1) / others, 0) : 0;
        if (!best || support > best.support) best = { candidate, support };
      }
      // The earliest place that names the shared event wins: a headline over the body.
      if (best && (best.support >= minSupport || others === 0)) break;
    }
    // A lead that shares no common word with the others does not name the shared event.
    if (!best || (others > 0 && best.support === 0)) return;
    const { candidate, support } = best;
    const tokens = candidate.unit.tokens;
    const start = tokens[candidate.from]!.start;
    const end = tokens[candidate.to - 1]!.end;
    const head = tokens[candidate.headIndex]!;
    const modifiers = tokens.slice(candidate.from, candidate.to).filter((token, i) => i + candidate.from !== candidate.headIndex && isContentToken(token)).map((token) => token.lower);
    wordings.push({
      article: article.id,
      wording: article.text.slice(start, end),
      start,
      end,
      sentence: candidate.unit.sentence,
      position: candidate.unit.position,
      head: stemWord(head.lower),
      modifiers,
      support: round4(support),
    });
  });

  const variants = new Map<string, { wording: string; articles: string[] }>();
  for (const wording of wordings) {
    const key = wording.wording.split(/\s+/).map(stemWord).join(' ');
    const entry = variants.get(key);
    if (entry) entry.articles.push(wording.article);
    else variants.set(key, { wording: wording.wording.toLowerCase(), articles: [wording.article] });
  }
  return {
    articles: wordings,
    variants: [...variants.values()].sort((a, b) => b.articles.length - a.articles.length || compareText(a.wording, b.wording)),
  };
}
