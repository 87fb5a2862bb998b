import { checkArticle } from '../inputs';
import { actorLocator, type Actor, type ActorLocator } from '../actors';
import { firstStartingAt, type Article, type QuoteSpan, type Token } from '../article';
import type { AttributionStance } from '../findings';
import type { LexiconEntry } from '../lexicons';
import type { AnalyzerContext } from './analyzer';

/** A stretch of the text naming who speaks, with the actor it names when there is one. */
export interface SpeakerRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly actor?: string;
  /** How a speaker not named at the verb or quote was found: a he/she pronoun, or the quote before. */
  readonly via?: 'pronoun' | 'continuation';
}

/**
 * The speaker fields of a quote or attribution finding: nothing when no speaker was found.
 *
 * @example
 * speakerFields({ start: 0, end: 5, text: 'Gantz', actor: 'gantz' }); // { speaker: 'Gantz', speakerStart: 0, speakerEnd: 5, actor: 'gantz' }
 * speakerFields(undefined); // {}
 */
export function speakerFields(speaker: SpeakerRef | undefined): {
  readonly speaker?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly actor?: string;
  readonly speakerVia?: 'pronoun' | 'continuation';
} {
  if (!speaker) return {};
  return {
    speaker: speaker.text,
    speakerStart: speaker.start,
    speakerEnd: speaker.end,
    ...(speaker.actor ? { actor: speaker.actor } : {}),
    ...(speaker.via ? { speakerVia: speaker.via } : {}),
  };
}

/** A reporting verb or phrase in the writer's voice ("said", "according to", "making these claims"). */
export interface ReportingEvent {
  readonly entry: LexiconEntry;
  /** The base form from the lexicon ("claim", "according to"). */
  readonly verb: string;
  readonly stance: AttributionStance;
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly sentence: number;
  /** The reporting noun reading ("these claims") rather than a verb. */
  readonly noun: boolean;
  readonly speaker?: SpeakerRef;
}

/**
 * What a quotation is: direct speech (`speech`, or a `partial` quote woven into a reported
 * sentence), a quote-led headline, or no speech at all: a scare quote in the writer's voice, a
 * title or named concept, a word being mentioned, a term quoted inside someone's speech, or a
 * short stretch after a mark that never closes (a stray mark, not a quotation).
 */
export type QuoteRole = 'speech' | 'partial' | 'headline-quote' | 'scare' | 'title' | 'mention' | 'nested-term' | 'unclosed';

/**
 * True for the roles of someone's words: a quotation that is speech, a partial quotation woven
 * into the writer's sentence, or a quote-led headline. The quote analyzer reports these, and a
 * hedge or a quotation inside one is the speaker's, not the writer's.
 *
 * @example
 * readSpeech(article, context).quotes.filter((reading) => isSpeechRole(reading.role));
 */
export function isSpeechRole(role: QuoteRole): boolean {
  return role === 'speech' || role === 'partial' || role === 'headline-quote';
}

/** One quotation span and how it reads. */
export interface QuoteReading {
  readonly quote: QuoteSpan;
  readonly role: QuoteRole;
  /** The rule that decided the role (shown as the finding's `rule`). */
  readonly rule: string;
  /** Woven into the writer's sentence rather than opening it or following a colon. */
  readonly partial: boolean;
  readonly speaker?: SpeakerRef;
  /** Word tokens between the marks. */
  readonly words: number;
}

/** Reporting events and quotation readings of one article. */
export interface SpeechReading {
  readonly events: readonly ReportingEvent[];
  readonly quotes: readonly QuoteReading[];
}

const STANCES: ReadonlySet<string> = new Set<AttributionStance>(['neutral', 'doubt', 'endorsement', 'hostility', 'praise', 'admission', 'emphasis']);
const QUOTE_MARK = /^["'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]+$/;
const DASH = /^[\u2014\u2013\-]+$/;
const WORD = /[\p{L}\p{N}]/u;
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);
const POSSESSIVE: ReadonlySet<string> = new Set(["'s", "'", '\u2019']);
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'such', 'any', 'some', 'no']);
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'week', 'month',
  'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
]);
// Verbs that name or characterise: a quotation they introduce is the subject's word ("He called the
// comments “unacceptable”"), while without a subject ("labeled “birthers”", "so-called") it stays the writer's.
const NAMING_VERBS: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling', 'dub', 'dubs', 'dubbed',
  'dubbing', 'brand', 'brands', 'branded', 'branding', 'term', 'terms', 'termed', 'terming', 'describe', 'describes', 'described',
  'describing', 'deride', 'derides', 'derided', 'deriding', 'characterize', 'characterizes', 'characterized', 'characterizing',
  'characterise', 'characterises', 'characterised', 'characterising', 'rate', 'rates', 'rated', 'rating', 'deem', 'deems', 'deemed',
]);
const WH_WORDS: ReadonlySet<string> = new Set(['how', 'what', 'why', 'when', 'where', 'whether', 'who', 'which', 'if']);

// Verbs whose other senses are common ("revealed a tunnel", "the state", "observed a minute of
// silence", "add them"): they count as reporting only with a reporting complement (that, a quote,
// a colon or comma, a wh-clause, a subject pronoun, "by", "as ... by") or after a quotation.
const NEEDS_COMPLEMENT: ReadonlySet<string> = new Set(['reveal', 'note', 'observe', 'show', 'expose', 'maintain', 'state', 'report', 'add', 'explain', 'stress', 'underline', 'describe', 'comment', 'write', 'declare']);
// For these the subject is the one quoted or cited, and a "by" phrase names the outlet citing them.
const CITED_SUBJECT: ReadonlySet<string> = new Set(['quote', 'cite']);
const MAKE: ReadonlySet<string> = new Set(['make', 'makes', 'made', 'making', 'repeat', 'repeated', 'repeating', 'repeats']);
// Possession sense of "claim" right after it: "claims as its own", "claims to the islands", "claims on the land".
const CLAIM_PREPOSITIONS: ReadonlySet<string> = new Set(['as', 'to', 'on', 'over']);
// "claim" reports speech with a clause or a quotation ("claimed (that) the attack was staged",
// "claimed, “…”"); "claimed to know" is left out with the possession senses above ("claims to the
// islands"), which a to-infinitive cannot be told from by the words alone. With a noun phrase object it mostly has its other senses
// (Collins COBUILD, Macmillan, "claim" verb): to say a deed or credit is yours ("claimed responsibility",
// "Hamas claimed the attack", short for claiming responsibility for it), to win something ("claimed
// victory", "claimed the title") or to demand a right ("claimed asylum", "claimed damages"), or a
// disaster's toll ("claimed 12 lives"). A noun phrase object alone does not decide, as the saying sense
// takes one too ("claimed bias", "claims a success rate"), so these heads are listed: the object's head
// being one of them makes "claim" no attribution.
const CLAIMED_OBJECTS: ReadonlySet<string> = new Set([
  'responsibility', 'credit', 'victory', 'victories', 'win', 'wins', 'title', 'titles', 'crown', 'record', 'prize', 'medal', 'seat', 'seats',
  'sovereignty', 'ownership', 'territory', 'throne', 'asylum', 'compensation', 'damages', 'benefits', 'refund', 'lives', 'life',
  'attack', 'attacks', 'bombing', 'bombings', 'shooting', 'shootings', 'killing', 'killings', 'assassination', 'kidnapping', 'abduction',
  'stabbing', 'hijacking', 'ambush', 'raid', 'raids', 'assault', 'strike', 'strikes', 'explosion', 'blast', 'massacre',
]);
// Words a time adverbial is made of besides its time words: "on Tuesday", "late Monday night",
// "earlier this week", "over the weekend", "in the morning".
const TIME_FRAME_WORDS: ReadonlySet<string> = new Set(['on', 'over', 'during', 'in', 'at', 'last', 'this', 'next', 'earlier', 'later', 'late', 'early', 'the', 'past', 'ago', 'days', 'day', 'weeks', 'months', 'years', 'hours']);
// Determiners of a noun phrase object of "claim" ("the attack", "its first victory"); not "that", which opens a clause.
const OBJECT_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'these', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
// Prepositions that open an adjunct between a reporting verb and its clause ("in a statement", "at a
// rally", "during an interview"), but for these: "by", "to" and "as" are read as complements themselves, "of" attaches to a noun.
const NOT_ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'to', 'as', 'of', 'than', 'like']);
// Heads of noun phrases that name organisations, outlets or groups: never the antecedent of he/she.
const GROUP_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'agency', 'government', 'office', 'department', 'statement', 'newspaper', 'paper', 'press', 'post', 'times',
  'news', 'officials', 'council', 'committee', 'army', 'forces', 'military', 'embassy', 'company', 'group', 'organization',
  'organisation', 'union', 'administration', 'cabinet', 'parliament', 'court', 'police', 'service', 'network', 'media',
  'daily', 'journal', 'report', 'reports', 'sources', 'spokespeople', 'authorities', 'state', 'states', 'nations', 'countries',
]);
// Words before a quotation that show it is mentioned, not used: "the word 'x'", "subject line “republish”".
const MENTION_CUES: ReadonlySet<string> = new Set(['word', 'words', 'term', 'terms', 'phrase', 'expression', 'slogan', 'motto', 'hashtag', 'caption', 'headline', 'heading', 'line', 'label', 'button', 'keyword', 'titled', 'entitled', 'headlined']);
// Short words that stay lower case inside Title Case names ("Memorandum for Defense Cooperation").
const TITLE_FUNCTION_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'on', 'in', 'to', 'at', 'by', 'with', 'between', 'from', 'de', 'del', 'la', 'le', 'el', 'al', 'vs', 'v']);

/** Longest quotation, in words, that can be a scare quote rather than quoted speech. */
export const SCARE_QUOTE_MAX_WORDS = 5;

const cache = new WeakMap<AnalyzerContext, WeakMap<Article, SpeechReading>>();

/**
 * Read an article's reporting verbs (with speakers) and quotations (direct speech or not, with
 * speakers). Computed once per article and analyzer context, shared by the quote, scare-quote and
 * attribution analyzers.
 *
 * @example
 * const { quotes } = readSpeech(article, context);
 * quotes.filter((reading) => reading.role === 'scare').map((reading) => reading.quote.start);
 */
export function readSpeech(article: Article, context: AnalyzerContext): SpeechReading {
  checkArticle(article);
  let byArticle = cache.get(context);
  if (!byArticle) {
    byArticle = new WeakMap();
    cache.set(context, byArticle);
  }
  let reading = byArticle.get(article);
  if (!reading) {
    reading = computeSpeech(article, context);
    byArticle.set(article, reading);
  }
  return reading;
}

function computeSpeech(article: Article, context: AnalyzerContext): SpeechReading {
  // Speakers are looked up once per reporting verb and quotation: a scan of every actor mention
  // each time would make a long article quadratic.
  const actorAt = actorLocator(context.actors);
  const tokens = article.tokens;
  const quoteOfToken = tokenQuotes(article);
  const events: ReportingEvent[] = [];
  const matches = context.matches('attribution', tokens);
  const antecedent = pronounResolver(article, context.actors, quoteOfToken);
  for (const match of matches) {
    const first = tokens[match.tokenStart]!;
    // Reporting verbs inside quotations are the speaker's words, not the writer's attribution.
    if (quoteOfToken[match.tokenStart] !== -1) continue;
    const stance = match.entry.stance;
    if (stance === undefined || !STANCES.has(stance)) continue;
    const verb = match.entry.lemma ?? match.entry.id;
    const reading = readEvent(article, match.tokenStart, match.tokenEnd, verb, actorAt, quoteOfToken);
    if (!reading) continue;
    let speaker = reading.speaker;
    const previous = events[events.length - 1];
    if (!speaker && tokens[match.tokenStart - 1]?.lower === 'and') {
      // A verb coordinated with an earlier one shares its subject: "Hamada, said ... and stated that".
      speaker = previous && previous.sentence === first.sentence ? previous.speaker : sentenceSubject(article, article.sentences[first.sentence]!.tokenStart, match.tokenStart, actorAt, quoteOfToken);
    }
    if (speaker && PERSON_PRONOUNS.has(speaker.text.toLowerCase())) {
      const person = antecedent.resolve(speaker.start);
      if (person) speaker = { ...person, via: 'pronoun' };
    } else if (speaker && isPersonSpeaker(speaker, article, actorAt)) {
      antecedent.spoke(speaker);
    }
    events.push({
      entry: match.entry,
      verb,
      stance: stance as AttributionStance,
      start: first.start,
      end: tokens[match.tokenEnd - 1]!.end,
      tokenStart: match.tokenStart,
      tokenEnd: match.tokenEnd,
      sentence: first.sentence,
      noun: reading.noun,
      ...(speaker ? { speaker } : {}),
    });
  }
  return { events, quotes: readQuotes(article, events, actorAt, quoteOfToken, antecedent) };
}

/** Who "he" or "she" is at a place in the text, as the reporting events are read in text order. */
interface PronounResolver {
  /** A person named as a speaker ("Gantz said"): the antecedent of a later pronoun until someone newer. */
  spoke(speaker: SpeakerRef): void;
  /** The person a "he" or "she" starting at `offset` refers to, if any. */
  resolve(offset: number): SpeakerRef | undefined;
}

/**
 * A resolver for "he" and "she" by the two strongest factors of salience-based pronoun
 * resolution, recency and subjecthood (Lappin and Leass 1994, "An algorithm for pronominal
 * anaphora resolution"; in centering theory the subject is the preferred centre, Grosz, Joshi
 * and Weinstein 1995): the pronoun refers to the person who last spoke or was last the subject
 * of a sentence. A subject is a person named before the first verb of its sentence, outside
 * quotations and page boilerplate, and not as a possessive ("Snowden's disclosures"). A pronoun
 * after a comma or a closing quotation mark reports the clause before it ("Trump has heightened
 * that issue, she says"), whose subject is someone else, so subjects of its own sentence do not count.
 */
function pronounResolver(article: Article, actors: readonly Actor[], quoteOfToken: Int32Array): PronounResolver {
  const tokens = article.tokens;
  // Found at the first pronoun: an article without one never needs them.
  let subjects: readonly Subject[] | undefined;
  const speakers: SpeakerRef[] = [];
  return {
    spoke(speaker) {
      const at = firstStartingAt(speakers, speaker.start);
      if (at === speakers.length) speakers.push(speaker);
      else speakers.splice(at, 0, speaker);
    },
    resolve(offset) {
      subjects ??= sentenceSubjects(article, actors, quoteOfToken);
      const at = firstStartingAt(tokens, offset);
      const postposed = isPostposed(tokens, at);
      let k = firstStartingAt(subjects, offset) - 1;
      while (k >= 0 && (subjects[k]!.person.end > offset || (postposed && subjects[k]!.sentence === tokens[at]!.sentence))) k--;
      const subject = subjects[k]?.person;
      const speaker = speakers[firstStartingAt(speakers, offset) - 1];
      // The more recent of the two.
      return subject && (!speaker || subject.start > speaker.start) ? subject : speaker;
    },
  };
}

interface Subject {
  readonly start: number;
  readonly sentence: number;
  readonly person: SpeakerRef;
}

/** The persons named before the first verb of their sentence, outside quotations and boilerplate and not as a possessive, in text order. */
function sentenceSubjects(article: Article, actors: readonly Actor[], quoteOfToken: Int32Array): Subject[] {
  const tokens = article.tokens;
  const firstVerb = new Int32Array(article.sentences.length).fill(-1);
  for (const sentence of article.sentences) {
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      if (tokens[t]!.pos === 'VERB' || tokens[t]!.pos === 'AUX') {
        firstVerb[sentence.index] = t;
        break;
      }
    }
  }
  const subjects: Subject[] = [];
  for (const actor of actors) {
    if (actor.type !== 'person') continue;
    for (const mention of actor.mentions) {
      const t = mention.tokenStart;
      if (mention.boilerplate || t === undefined || mention.tokenEnd === undefined || quoteOfToken[t] !== -1) continue;
      const sentence = tokens[t]!.sentence;
      if (firstVerb[sentence] === -1 || t >= firstVerb[sentence]! || POSSESSIVE.has(tokens[mention.tokenEnd]?.lower ?? '')) continue;
      subjects.push({ start: mention.start, sentence, person: { start: mention.start, end: mention.end, text: mention.text, actor: actor.id } });
    }
  }
  return subjects.sort((a, b) => a.start - b.start);
}

/**
 * A pronoun in a reporting clause that follows what it reports: after a comma or a closing mark,
 * and with the clause ending within a few words ("Trump has pushed the plan, she says.", "“…,” he
 * said on Monday."). "When Gantz arrived, he said “…”" reports what follows, not the clause before.
 */
function isPostposed(tokens: readonly Token[], at: number): boolean {
  const pronoun = tokens[at];
  const previous = tokens[at - 1];
  if (!pronoun || !previous || previous.sentence !== pronoun.sentence || !(previous.value === ',' || QUOTE_MARK.test(previous.value))) return false;
  for (let k = at + 1; k < tokens.length && k <= at + 5; k++) {
    const token = tokens[k]!;
    if (token.sentence !== pronoun.sentence || token.value === '.' || token.value === ',' || token.value === ';') return true;
    if (QUOTE_MARK.test(token.value) || token.value === ':' || token.lower === 'that') return false;
  }
  return false;
}

/** For each token, the index of the outermost quotation whose marks enclose it, or -1. */
function tokenQuotes(article: Article): Int32Array {
  const result = new Int32Array(article.tokens.length).fill(-1);
  let t = 0;
  for (const quote of article.quotes) {
    if (quote.depth > 0) continue;
    while (t < article.tokens.length && article.tokens[t]!.start < quote.innerStart) t++;
    for (let k = t; k < article.tokens.length && article.tokens[k]!.end <= quote.innerEnd; k++) result[k] = quote.index;
  }
  return result;
}

interface EventReading {
  readonly speaker?: SpeakerRef;
  readonly noun: boolean;
}

/** Whether the matched verb is used as reporting speech, and who speaks. */
function readEvent(article: Article, tokenStart: number, tokenEnd: number, verb: string, actorAt: ActorLocator, quoteOfToken: Int32Array): EventReading | undefined {
  const tokens = article.tokens;
  const first = tokens[tokenStart]!;
  const sentence = article.sentences[first.sentence]!;
  const before = tokenStart > sentence.tokenStart ? tokens[tokenStart - 1] : undefined;
  const next = tokenEnd < sentence.tokenEnd ? tokens[tokenEnd] : undefined;
  // "the United States", "Fox News Says" in a name: capitalised proper-noun tokens are names.
  if (first.pos === 'PROPN') return undefined;
  if (verb === 'according to') {
    const speaker = nounPhraseAfter(article, tokenEnd, sentence.tokenEnd, actorAt);
    return speaker ? { speaker, noun: false } : undefined;
  }
  const nounReading = before !== undefined && (DETERMINERS.has(before.lower) || POSSESSIVE.has(before.lower) || before.pos === 'ADJ');
  if (verb === 'claim') {
    // Possession, not speech: "Beijing claims as its own", "claimed responsibility", "Hamas claimed the attack".
    if (claimsPossession(article, tokenEnd, sentence.tokenEnd)) return undefined;
    // A compound noun: "discrimination claims", "insurance claim" (a common noun before, no complement after).
    if (before && before.pos === 'NOUN' && !/^\p{Lu}/u.test(before.value) && !hasReportingComplement(article, tokenStart, tokenEnd, sentence.tokenEnd)) return undefined;
    if (nounReading || (before && MAKE.has(before.lower))) {
      // The noun reports speech only as something made ("making these claims") or with its content
      // clause ("the claim that ..."); "their claims" alone may be legal or territorial claims.
      if (first.lower !== 'claim' && first.lower !== 'claims') return undefined;
      const made = MAKE.has(before!.lower) || (tokenStart - 2 >= sentence.tokenStart && MAKE.has(tokens[tokenStart - 2]!.lower));
      if (!made && next?.lower !== 'that') return undefined;
      const speaker = sentenceSubject(article, sentence.tokenStart, tokenStart, actorAt, quoteOfToken);
      return { ...(speaker ? { speaker } : {}), noun: true };
    }
  }
  // "the said agreement", "a noted scholar", "the alleged attack", "a blast": adjectives and nouns.
  if (nounReading) return undefined;
  const afterQuote = quoteEndsNear(article, tokenStart, sentence.tokenStart);
  const complement = hasReportingComplement(article, tokenStart, tokenEnd, sentence.tokenEnd);
  if (NEEDS_COMPLEMENT.has(verb) && !complement && !afterQuote) return undefined;

  let speaker: SpeakerRef | undefined;
  const agent = skipTimeAdverbial(article, tokenEnd, sentence.tokenEnd);
  // After a time adverbial only a name is an agent: "reported Saturday by BigGovernment.com", not "said Tuesday by phone".
  const named = agent === tokenEnd || (agent + 1 < sentence.tokenEnd && /^\p{Lu}/u.test(tokens[agent + 1]!.value));
  if (agent < sentence.tokenEnd && tokens[agent]!.lower === 'by' && named && !CITED_SUBJECT.has(verb)) {
    // Passive agent: "as revealed by Israeli Security Minister Benny Gantz", "reported Saturday by BigGovernment.com".
    speaker = nounPhraseAfter(article, agent + 1, sentence.tokenEnd, actorAt);
  } else if (/ing$/.test(first.lower) && before && before.lower === ',') {
    // A participle after a comma reports for the clause's subject: "Hamada ..., slamming ...".
    speaker = sentenceSubject(article, sentence.tokenStart, tokenStart, actorAt, quoteOfToken);
  } else if (verb !== 'tell' && next && startsNounPhrase(next) && before && (QUOTE_MARK.test(before.value) || (before.lower === ',' && tokenStart - 2 >= sentence.tokenStart && QUOTE_MARK.test(tokens[tokenStart - 2]!.value)))) {
    // Inverted attribution right after a quotation: "“...,” said Gantz" (never "told X", whose X is the hearer).
    speaker = nounPhraseAfter(article, tokenEnd, sentence.tokenEnd, actorAt);
  }
  speaker ??= speakerBefore(article, tokenStart, sentence.tokenStart, actorAt);
  // After an auxiliary the subject may sit further back: "Israeli hostages recently released have claimed".
  if (!speaker && before?.pos === 'AUX') speaker = sentenceSubject(article, sentence.tokenStart, tokenStart, actorAt, quoteOfToken);
  if (!speaker && !complement && !afterQuote) return undefined;
  return { ...(speaker ? { speaker } : {}), noun: false };
}

function startsNounPhrase(token: Token): boolean {
  return token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'DET' || token.pos === 'ADJ' || (token.pos === 'PRON' && SUBJECT_PRONOUNS.has(token.lower));
}

/** A closing quotation mark within the three tokens before the verb (post-quote attribution). */
function quoteEndsNear(article: Article, tokenStart: number, sentenceStart: number): boolean {
  for (let k = tokenStart - 1; k >= Math.max(sentenceStart, tokenStart - 4); k--) {
    const token = article.tokens[k]!;
    if (QUOTE_MARK.test(token.value) && quoteClosesAt(article, token.start)) return true;
  }
  return false;
}

function quoteClosesAt(article: Article, offset: number): boolean {
  // The quotes that open at or before `offset`, last first: one of them may close there.
  const quotes = article.quotes;
  const high = firstStartingAt(quotes, offset + 1) - 1;
  for (let k = high; k >= 0 && k > high - 8; k--) {
    const quote = quotes[k]!;
    if (quote.closed && quote.innerEnd === offset) return true;
  }
  return false;
}

/**
 * That-clause, quote, colon, comma, wh-clause, subject pronoun or "by" after the verb. Up to two
 * adjuncts between the verb and its complement are skipped, a time adverbial ("said on Monday that",
 * "revealed earlier this week that") or a prepositional phrase ("revealed in a statement that"). After
 * one, only a that-clause, a quotation, a colon, a wh-clause or a subject pronoun counts (and "by"
 * after a time: "reported Saturday by"): a comma or the sentence's end there also follows a noun or
 * the verb's other senses ("media reports last year.", "revealed in the tunnel, …").
 */
function hasReportingComplement(article: Article, tokenStart: number, tokenEnd: number, sentenceEnd: number): boolean {
  const tokens = article.tokens;
  const before = tokenStart > 0 ? tokens[tokenStart - 1] : undefined;
  if (before && before.lower === 'as') return true; // "as revealed by", "as noted"
  if (complementAt(article, tokenEnd, sentenceEnd, 'none')) return true;
  let at = tokenEnd;
  for (let skipped = 0; skipped < 2; skipped++) {
    const time = skipTimeAdverbial(article, at, sentenceEnd);
    const after = time !== at ? time : skipPrepositionalPhrase(article, at, sentenceEnd);
    if (after === at) return false;
    if (complementAt(article, after, sentenceEnd, time !== at ? 'time' : 'phrase')) return true;
    at = after;
  }
  return false;
}

/** Whether a reporting complement starts at token `at`, right after the verb or after an adjunct. */
function complementAt(article: Article, at: number, sentenceEnd: number, adjunct: 'none' | 'time' | 'phrase'): boolean {
  const tokens = article.tokens;
  if (at >= sentenceEnd) return adjunct === 'none'; // "..., the ministry reported."
  const next = tokens[at]!;
  const following = at + 1 < sentenceEnd ? tokens[at + 1] : undefined;
  // A "that" right before a verb after an adjunct is a relative pronoun: "revealed in the report that was leaked".
  if (next.lower === 'that') return adjunct === 'none' || !(following && (following.pos === 'VERB' || following.pos === 'AUX'));
  if (next.lower === ':' || QUOTE_MARK.test(next.value) || WH_WORDS.has(next.lower)) return true;
  if (next.pos === 'PRON' && SUBJECT_PRONOUNS.has(next.lower)) return true;
  if (next.lower === ',' && following && QUOTE_MARK.test(following.value)) return true; // "said in a speech, “…”"
  if (next.lower === 'by') return adjunct !== 'phrase';
  return adjunct === 'none' && (next.lower === ',' || next.lower === '.' || next.lower === 'to');
}

/**
 * The token after a time adverbial starting at `from` ("Monday", "on Tuesday", "late Monday night",
 * "earlier this week", "on March 3", "two days ago"), or `from` when none starts there: at most six
 * tokens, each a time word, a number or a word of TIME_FRAME_WORDS, with a time word among them, the
 * last a time word, a number or "ago".
 */
function skipTimeAdverbial(article: Article, from: number, sentenceEnd: number): number {
  const tokens = article.tokens;
  let end = from;
  let timed = false;
  for (let k = from; k < sentenceEnd && k - from < 6; k++) {
    const token = tokens[k]!;
    const time = TIME_WORDS.has(token.lower);
    if (!time && token.pos !== 'NUM' && !TIME_FRAME_WORDS.has(token.lower)) break;
    timed ||= time;
    if (time || token.pos === 'NUM' || token.lower === 'ago') end = k + 1;
  }
  return timed ? end : from;
}

/**
 * The token after a prepositional phrase starting at `from` ("in a statement", "at a rally", "during
 * his visit to Tokyo"), or `from` when none starts there: a preposition, then at most five tokens of a
 * noun phrase (determiners, adjectives, numbers, nouns, possessives), ending on a noun.
 */
function skipPrepositionalPhrase(article: Article, from: number, sentenceEnd: number): number {
  const tokens = article.tokens;
  const head = tokens[from];
  if (!head || from >= sentenceEnd || head.pos !== 'ADP' || NOT_ADJUNCT_PREPOSITIONS.has(head.lower)) return from;
  let end = from;
  for (let k = from + 1; k < sentenceEnd && k - from <= 5; k++) {
    const token = tokens[k]!;
    if (isNominal(token)) end = k + 1;
    else if (!(token.pos === 'DET' || token.pos === 'ADJ' || token.pos === 'NUM' || (POSSESSIVE.has(token.lower) && k > from + 1))) break;
  }
  return end;
}

/**
 * Whether "claim" (ending at token `from`) has its possession sense: a preposition of the possession
 * sense right after it ("claims as its own", "claims over the sea"), or an object noun phrase whose head
 * is one of CLAIMED_OBJECTS ("claimed responsibility", "claimed its first victory", "Hamas claimed the
 * attack") and is not the subject of a clause ("claimed the attack was staged" reports). A time
 * adverbial right after the verb is skipped ("claimed on Tuesday that").
 */
function claimsPossession(article: Article, from: number, sentenceEnd: number): boolean {
  const tokens = article.tokens;
  const at = skipTimeAdverbial(article, from, sentenceEnd);
  if (at >= sentenceEnd) return false;
  if (CLAIM_PREPOSITIONS.has(tokens[at]!.lower)) return true;
  let k = at;
  while (k < sentenceEnd && k - at < 5 && (OBJECT_DETERMINERS.has(tokens[k]!.lower) || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM' || POSSESSIVE.has(tokens[k]!.lower))) k++;
  let head = -1;
  // A noun phrase's head is within a few words; a bound keeps a run of thousands of nouns linear.
  while (k < sentenceEnd && k - at < 12 && isNominal(tokens[k]!)) head = k++;
  if (head === -1 || !CLAIMED_OBJECTS.has(tokens[head]!.lower)) return false;
  // A verb after the noun, before any punctuation or relative pronoun, makes the noun a clause's subject.
  for (let v = head + 1; v < sentenceEnd && v - head <= 10; v++) {
    const token = tokens[v]!;
    if (token.pos === 'PUNCT' || token.lower === 'that' || token.lower === 'which' || token.lower === 'who') break;
    if (token.pos === 'VERB' || token.pos === 'AUX') return false;
  }
  return true;
}

/** The subject before a verb: "Gantz said", "the Defense Ministry said", "Yomiuri, revealed", "he added". */
function speakerBefore(article: Article, tokenStart: number, sentenceStart: number, actorAt: ActorLocator): SpeakerRef | undefined {
  const tokens = article.tokens;
  let j = tokenStart - 1;
  let skipped = 0;
  // "to tell the story": an infinitive's subject is not the noun before "to".
  if (j >= sentenceStart && tokens[j]!.lower === 'to') return undefined;
  while (j >= sentenceStart && skipped < 3 && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'PART') && !POSSESSIVE.has(tokens[j]!.lower)) {
    j--;
    skipped++;
  }
  // An appositive or parenthesis between commas: "Abbas, 87, claimed", "Gantz, Israel's defense minister, said".
  const apposed = j >= sentenceStart && tokens[j]!.lower === ',' ? appositiveSubject(article, j, sentenceStart, actorAt) : undefined;
  if (apposed) return apposed;
  // A time is not a speaker: "argued at the court Tuesday, claims that ...", "released on Friday showed".
  if (j >= sentenceStart && (TIME_WORDS.has(tokens[j]!.lower) || (tokens[j]!.lower === ',' && j - 1 >= sentenceStart && TIME_WORDS.has(tokens[j - 1]!.lower)))) return undefined;
  if (j < sentenceStart) return undefined;
  // Relative clause: "Gantz, who said ..." speaks for Gantz.
  if (tokens[j]!.lower === 'who' && j - 1 >= sentenceStart && tokens[j - 1]!.lower === ',') j -= 2;
  // Apposition: "a major Japanese newspaper, Yomiuri, revealed".
  else if (tokens[j]!.lower === ',' && j - 1 >= sentenceStart && isNominal(tokens[j - 1]!)) j--;
  if (j < sentenceStart) return undefined;
  return nounPhraseEndingAt(article, j, sentenceStart, actorAt);
}

/**
 * The subject before a stretch set off by commas that ends at the comma `close` ("Abbas, 87,",
 * "Benny Gantz, Israel's defense minister,", "The minister, a veteran of three wars,"), or nothing when
 * there is no such stretch. The stretch is at most eight tokens with no verb or other punctuation
 * (a relative or participial clause is left to other rules), and the noun phrase before it must not
 * follow a preposition ("a spokesman for the committee, Brad Woodhouse, said" and "In a statement, the
 * ministry, said" are left to the apposition rule of speakerBefore). The subject speaks, unless it is a
 * description (a common noun, or a determiner first) and the stretch is or opens with a name: "a
 * newspaper, Yomiuri, revealed" names Yomiuri, "The Democrat, Representative Adam Schiff of California,
 * said" Adam Schiff, "one senator, Arizona's John McCain, said" John McCain.
 */
function appositiveSubject(article: Article, close: number, sentenceStart: number, actorAt: ActorLocator): SpeakerRef | undefined {
  const tokens = article.tokens;
  let open = close - 1;
  while (open >= sentenceStart && close - open <= 9 && tokens[open]!.lower !== ',') {
    const token = tokens[open]!;
    if (token.pos === 'VERB' || token.pos === 'AUX' || (token.pos === 'PUNCT' && !POSSESSIVE.has(token.lower)) || QUOTE_MARK.test(token.value)) return undefined;
    open--;
  }
  if (open < sentenceStart + 1 || open === close - 1 || tokens[open]!.lower !== ',') return undefined;
  const subject = nounPhraseEndingAt(article, open - 1, sentenceStart, actorAt);
  if (!subject || !isNominal(tokens[open - 1]!)) return undefined;
  let first = open - 1;
  while (first > sentenceStart && tokens[first - 1]!.end > subject.start) first--;
  while (first > sentenceStart && (tokens[first - 1]!.pos === 'DET' || tokens[first - 1]!.pos === 'ADJ')) first--;
  if (first > sentenceStart && tokens[first - 1]!.pos === 'ADP') return undefined;
  const description = tokens[open - 1]!.pos !== 'PROPN' || tokens[first]!.pos === 'DET';
  if (!description) return subject;
  // The stretch's name: all of it when it is a name ("Yomiuri", "Arizona's John McCain"), else the name it opens with ("Adam Schiff of California").
  const inner = tokens.slice(open + 1, close);
  if (inner[inner.length - 1]!.pos === 'PROPN' && inner.every((token) => token.pos === 'PROPN' || POSSESSIVE.has(token.lower))) return nounPhraseEndingAt(article, close - 1, open + 1, actorAt);
  let name = open + 1;
  while (name < close && tokens[name]!.pos === 'PROPN') name++;
  if (name > open + 1 && !POSSESSIVE.has(tokens[name]!.lower)) return nounPhraseEndingAt(article, name - 1, open + 1, actorAt);
  return subject;
}

function isNominal(token: Token): boolean {
  return token.pos === 'PROPN' || token.pos === 'NOUN';
}

/** The noun phrase (or subject pronoun) whose last token is `j`. */
function nounPhraseEndingAt(article: Article, j: number, sentenceStart: number, actorAt: ActorLocator): SpeakerRef | undefined {
  const tokens = article.tokens;
  const last = tokens[j]!;
  if (last.pos === 'PRON' && SUBJECT_PRONOUNS.has(last.lower)) return speakerRef(article, j, j + 1, j, actorAt);
  if (!isNominal(last)) return undefined;
  let s = j;
  let head = j;
  while (s - 1 >= sentenceStart && j - s < 6) {
    const token = tokens[s - 1]!;
    if (isNominal(token) || token.pos === 'ADJ' || token.pos === 'NUM') s--;
    else if (POSSESSIVE.has(token.lower) && s - 2 >= sentenceStart && isNominal(tokens[s - 2]!)) {
      if (head === j) head = s; // "NBC News’ Kelly O’Donnell": the head follows the possessive
      s--;
    } else break;
  }
  while (s < j && tokens[s]!.pos === 'ADJ') s++;
  return speakerRef(article, s, j + 1, head === j ? s : head, actorAt);
}

/** The noun phrase starting at token `from` (after "said", "according to", "by"), determiners dropped. */
function nounPhraseAfter(article: Article, from: number, sentenceEnd: number, actorAt: ActorLocator): SpeakerRef | undefined {
  const tokens = article.tokens;
  let s = from;
  while (s < sentenceEnd && tokens[s]!.pos === 'DET') s++;
  if (s >= sentenceEnd) return undefined;
  if (tokens[s]!.pos === 'PRON' && SUBJECT_PRONOUNS.has(tokens[s]!.lower)) return speakerRef(article, s, s + 1, s, actorAt);
  let e = s;
  let lastNominal = -1;
  while (e < sentenceEnd && e - s < 7) {
    const token = tokens[e]!;
    if (isNominal(token)) lastNominal = e;
    else if (!(token.pos === 'ADJ' || token.pos === 'NUM' || (POSSESSIVE.has(token.lower) && e > s))) break;
    e++;
  }
  if (lastNominal === -1) return undefined;
  return speakerRef(article, s, lastNominal + 1, s, actorAt);
}

/** The subject of the sentence before `limit`: the first noun phrase followed by its verb. */
function sentenceSubject(article: Article, sentenceStart: number, limit: number, actorAt: ActorLocator, quoteOfToken: Int32Array): SpeakerRef | undefined {
  const tokens = article.tokens;
  for (let i = sentenceStart; i < limit; i++) {
    const token = tokens[i]!;
    // The quoted words are not the writer's clause: "“… the partnership …,” Gantz was quoted making these claims".
    if (quoteOfToken[i] !== -1) continue;
    const pronoun = token.pos === 'PRON' && SUBJECT_PRONOUNS.has(token.lower);
    if (!pronoun && !isNominal(token)) continue;
    let end = i + 1;
    if (!pronoun) while (end < limit && (isNominal(tokens[end]!) || POSSESSIVE.has(tokens[end]!.lower))) end++;
    let k = end;
    while (k < limit && tokens[k]!.pos === 'ADV') k++;
    if (k < limit && (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX')) return nounPhraseEndingAt(article, end - 1, sentenceStart, actorAt);
    i = end - 1;
  }
  return undefined;
}

function speakerRef(article: Article, s: number, e: number, head: number, actorAt: ActorLocator): SpeakerRef {
  const tokens = article.tokens;
  const start = tokens[s]!.start;
  const end = tokens[e - 1]!.end;
  // An English noun phrase's head is its last word: "Israeli Security Minister Benny Gantz" names Gantz.
  const actor = actorAt(tokens[e - 1]!.start, end) ?? actorAt(tokens[head]!.start, end);
  return { start, end, text: article.text.slice(start, end), ...(actor ? { actor: actor.id } : {}) };
}

/** A named speaker that can be "he" or "she" later: not a pronoun, an organisation or a group. */
function isPersonSpeaker(speaker: SpeakerRef, article: Article, actorAt: ActorLocator): boolean {
  const words = speaker.text.toLowerCase().split(/\s+/);
  const head = words[words.length - 1]!;
  if (SUBJECT_PRONOUNS.has(head) || GROUP_HEADS.has(head)) return false;
  const actor = actorAt(speaker.start, speaker.end);
  if (actor && (actor.type === 'country' || actor.type === 'organization')) return false;
  // A person is named by a capitalised word ("Gantz", "Defense Minister Hamada").
  return /^\p{Lu}/u.test(article.text.slice(speaker.start, speaker.end).split(/\s+/).pop() ?? '');
}

/** First and last token index inside [start, end), or an empty range. */
function tokensWithin(article: Article, start: number, end: number): [number, number] {
  const tokens = article.tokens;
  const first = firstStartingAt(tokens, start);
  let e = first;
  while (e < tokens.length && tokens[e]!.end <= end) e++;
  return [first, e];
}

function readQuotes(article: Article, events: readonly ReportingEvent[], actorAt: ActorLocator, quoteOfToken: Int32Array, antecedent: PronounResolver): QuoteReading[] {
  const tokens = article.tokens;
  const eventsBySentence = new Map<number, ReportingEvent[]>();
  for (const event of events) {
    const list = eventsBySentence.get(event.sentence) ?? [];
    list.push(event);
    eventsBySentence.set(event.sentence, list);
  }
  // Token index of each reporting verb's last token: "Gantz said, “…”" opens a full quotation.
  const verbEnds = new Set(events.filter((event) => !event.noun).map((event) => event.tokenEnd - 1));
  const readings: QuoteReading[] = [];
  let previousSpeech: { block: number; speaker?: SpeakerRef } | undefined;
  for (const quote of article.quotes) {
    const [innerFirst, innerEnd] = tokensWithin(article, quote.innerStart, quote.innerEnd);
    const inner = tokens.slice(innerFirst, innerEnd);
    const wordTokens = inner.filter((token) => WORD.test(token.value));
    const words = wordTokens.length;
    const before = innerFirst - 2 >= 0 ? tokens[innerFirst - 2] : undefined; // the token before the opening mark
    const openTok = innerFirst - 1 >= 0 ? tokens[innerFirst - 1] : undefined;
    const prevToken = openTok && openTok.start === quote.start ? before : openTok;
    const prevInSentence = prevToken && tokens[innerFirst]?.sentence === prevToken.sentence ? prevToken : undefined;
    const block = article.blocks[quote.block]!;
    const opensBlock = quote.start === block.start;
    const sentenceIndex = innerFirst < tokens.length ? tokens[innerFirst]!.sentence : -1;
    const opensSentence = sentenceIndex === -1 || !prevInSentence;
    const afterColon = prevInSentence?.lower === ':';
    const partial = !(opensSentence || opensBlock || afterColon || (prevInSentence?.lower === ',' && verbEnds.has(innerFirst - 2)));

    const push = (role: QuoteRole, rule: string, speaker?: SpeakerRef, isPartial = partial): void => {
      readings.push({ quote, role, rule, partial: isPartial, words, ...(speaker ? { speaker } : {}) });
    };

    if (quote.depth > 0) {
      const parent = readings[quote.parent ?? -1];
      if (!parent || !isSpeechRole(parent.role)) {
        push('nested-term', 'quote.nested-in-non-speech');
      } else if (isShort(inner, words)) {
        push('nested-term', 'quote.nested-term');
      } else {
        push('speech', 'quote.nested-speech', findQuoteSpeaker(article, quote, innerFirst, innerEnd, eventsBySentence, afterColon, actorAt));
      }
      continue;
    }
    if (words === 0) {
      push('mention', 'quote.empty');
      continue;
    }
    if (!quote.closed && isShort(inner, words)) {
      push('unclosed', 'quote.unclosed');
      continue;
    }
    if (isTitleCase(wordTokens)) {
      push('title', 'quote.title-case-name');
      continue;
    }
    if (prevInSentence && MENTION_CUES.has(prevInSentence.lower)) {
      push('mention', 'quote.mention');
      continue;
    }
    const speaker = findQuoteSpeaker(article, quote, innerFirst, innerEnd, eventsBySentence, afterColon, actorAt);
    if (!isShort(inner, words)) {
      // A quotation with no attribution of its own continues the quotation before it: the next
      // paragraph when it opens the paragraph, or the same paragraph when it opens a sentence.
      const continues = previousSpeech?.speaker !== undefined && ((opensBlock && previousSpeech.block === quote.block - 1) || (opensSentence && previousSpeech.block === quote.block));
      const inherited = speaker ?? (continues ? { ...previousSpeech!.speaker!, via: 'continuation' as const } : undefined);
      push('speech', 'quote.direct-speech', inherited);
      previousSpeech = { block: quote.block, ...(inherited ? { speaker: inherited } : {}) };
      continue;
    }
    if (afterColon) {
      push('speech', 'quote.after-colon', speaker);
      previousSpeech = { block: quote.block, ...(speaker ? { speaker } : {}) };
      continue;
    }
    if (speaker) {
      // A short quotation in a sentence that reports someone's words quotes that someone.
      push('partial', 'quote.partial-attributed', speaker);
      continue;
    }
    const namer = openTok && openTok.start === quote.start ? namingSpeaker(article, innerFirst - 1, actorAt, quoteOfToken, antecedent) : undefined;
    if (namer) {
      push('partial', 'quote.characterisation', namer);
      continue;
    }
    if (opensBlock && block.role !== 'body' && words >= 2) {
      // Headline style puts a quoted phrase first and its speaker in the story ("‘Peace through strength’ when ...").
      push('headline-quote', 'quote.headline-led', undefined, true);
      continue;
    }
    push('scare', 'scare-quote.writer-voice');
  }
  return readings;
}

/**
 * The subject of a naming verb shortly before a quotation ("He called the comments “unacceptable”",
 * "FactCheck.org rated the ad as "false,""): the quoted word is that subject's characterisation.
 * A passive or subjectless naming verb ("labeled "birthers"", "what is called") gives none.
 */
function namingSpeaker(article: Article, openMark: number, actorAt: ActorLocator, quoteOfToken: Int32Array, antecedent: PronounResolver): SpeakerRef | undefined {
  const tokens = article.tokens;
  const sentence = article.sentences[tokens[openMark]!.sentence]!;
  for (let k = openMark - 1; k >= sentence.tokenStart && openMark - k <= 7; k--) {
    const token = tokens[k]!;
    if (token.pos === 'PUNCT' && token.lower !== '-') return undefined;
    if (!NAMING_VERBS.has(token.lower) || token.pos === 'PROPN') continue;
    const before = k > sentence.tokenStart ? tokens[k - 1]! : undefined;
    if (before && before.pos === 'AUX') return undefined; // passive: the writer names
    const speaker =
      before && before.lower === ',' && /ing$/.test(token.lower)
        ? sentenceSubject(article, sentence.tokenStart, k, actorAt, quoteOfToken)
        : speakerBefore(article, k, sentence.tokenStart, actorAt);
    if (!speaker || !PERSON_PRONOUNS.has(speaker.text.toLowerCase())) return speaker;
    // "he called …": the person last speaking or last the subject of a sentence.
    const person = antecedent.resolve(speaker.start);
    return person ? { ...person, via: 'pronoun' } : speaker;
  }
  return undefined;
}

/** Short enough to be a term: few words, no sentence punctuation inside, not a clause. */
function isShort(inner: readonly Token[], words: number): boolean {
  if (words > SCARE_QUOTE_MAX_WORDS) return false;
  if (inner.some((token) => token.value === '.' || token.value === '!' || token.value === '?' || token.value === ';' || token.value === '...')) return false;
  const verbs = inner.filter((token) => token.pos === 'VERB' || token.pos === 'AUX').length;
  const subjects = inner.filter((token) => token.pos === 'PRON' && SUBJECT_PRONOUNS.has(token.lower)).length;
  return !(verbs > 0 && (subjects > 0 || words >= 4));
}

/** Two or more words, every content word capitalised: a name of a document, body or concept. */
function isTitleCase(words: readonly Token[]): boolean {
  let capitalised = 0;
  let counted = 0;
  for (const token of words) {
    // A possessive ending is part of the word before it: "America’s Next Top Model".
    if (POSSESSIVE.has(token.lower) || token.lower === 's') continue;
    counted++;
    if (/^\p{Lu}/u.test(token.value) || /^\p{N}/u.test(token.value)) capitalised++;
    else if (!TITLE_FUNCTION_WORDS.has(token.lower)) return false;
  }
  return capitalised >= 2 && counted >= 2;
}

/**
 * The speaker of a quotation: an attribution right after it ("“…,” said Gantz"), the verb before a
 * colon or in the same sentence before it ("He added: “…”", "According to Gantz, … “…”"), or an
 * attribution later in the sentence where the quotation ends.
 */
function findQuoteSpeaker(
  article: Article,
  quote: QuoteSpan,
  innerFirst: number,
  innerEnd: number,
  eventsBySentence: ReadonlyMap<number, ReportingEvent[]>,
  afterColon: boolean,
  actorAt: ActorLocator,
): SpeakerRef | undefined {
  const tokens = article.tokens;
  let after = innerEnd;
  while (after < tokens.length && tokens[after]!.start < quote.end) after++;
  const afterSentence = after < tokens.length ? tokens[after]!.sentence : -1;
  const startSentence = innerFirst < tokens.length ? tokens[innerFirst]!.sentence : -1;
  const speaking = (event: ReportingEvent): boolean => event.speaker !== undefined && !event.noun;
  // Right after the closing mark, in the same sentence, before any other quotation. Across a
  // sentence break ("“What?” Gantz asked.") only a short attribution counts.
  const sameSentence = afterSentence !== -1 && (afterSentence === startSentence || tokens[after - 1]?.sentence === afterSentence);
  if (afterSentence !== -1 && (sameSentence || isContinuationSentence(article, quote, afterSentence))) {
    const reach = sameSentence ? 6 : 3;
    const following = (eventsBySentence.get(afterSentence) ?? []).filter((event) => event.tokenStart >= after && speaking(event) && !quoteBetween(article, quote.end, event.start));
    const first = following[0];
    if (first && first.tokenStart - after <= reach) return first.speaker;
    // A name right after the quotation, its apposition, then the verb: "“…,” Senator Mark Warner of Virginia, the top Democrat …, said".
    const lead = tokens[after];
    if (sameSentence && first && lead && lead.pos === 'PROPN') {
      const named = nounPhraseAfter(article, after, article.sentences[afterSentence]!.tokenEnd, actorAt);
      if (named && named.end <= first.start) return named;
    }
  }
  // Before the opening mark in its sentence: the nearest attribution (the colon's verb when there is one).
  const beforeEvents = (eventsBySentence.get(startSentence) ?? []).filter((event) => event.end <= quote.start && speaking(event));
  if (beforeEvents.length > 0) return beforeEvents[beforeEvents.length - 1]!.speaker;
  if (afterColon) return undefined;
  // Later in the sentence where the quotation ends: "“…” between our countries …, the ministry said".
  if (afterSentence === -1 || tokens[after - 1]?.sentence !== afterSentence || article.sentences[afterSentence]!.block !== quote.block) return undefined;
  for (const event of eventsBySentence.get(afterSentence) ?? []) {
    if (event.start >= quote.end && speaking(event) && !quoteBetween(article, quote.end, event.start)) return event.speaker;
  }
  return undefined;
}

/** The sentence right after a quotation that ends a sentence inside its marks ("… trust,” Gantz said). */
function isContinuationSentence(article: Article, quote: QuoteSpan, sentence: number): boolean {
  const s = article.sentences[sentence];
  return s !== undefined && s.block === quote.block && s.start >= quote.end - 1 && s.start - quote.end <= 2;
}

/** Whether a quotation opens in [from, to): binary search over the quotes, which are in text order. */
function quoteBetween(article: Article, from: number, to: number): boolean {
  const quotes = article.quotes;
  for (let k = firstStartingAt(quotes, from); k < quotes.length && quotes[k]!.start < to; k++) if (quotes[k]!.depth === 0) return true;
  return false;
}

/**
 * A dash token (—, –, -), as in "(JTA) —" or "–JNS.org".
 *
 * @example
 * readArticle('(JTA) — Israel and Japan signed a pact.').tokens.findIndex(isDash); // 3, the token "—"
 */
export function isDash(token: Token): boolean {
  return DASH.test(token.value);
}
