import { blockAt, firstStartingAt, insideSpans, speechSpans, type Article } from '../article';
import { SCARE_QUOTE_MAX_WORDS } from '../analyzers/speech';
import { HONORIFICS, keyWord, NAME_SUFFIXES, OFFICE_WORDS, surnameOfId, titleWordsOf } from '../actors';
import { DEFAULT_LEXICONS } from '../lexicons';
import type { ArticleReport } from '../report';
import { mayBeOnePerson } from '../names';
import { compareText, splitWords } from './terms';

/**
 * A surface form of an actor's name in one article, with its first place. Titles the text writes
 * inside the name (found by the title-choice analyzer) are left out: "Sheriff Joe Arpaio" is the
 * form "Joe Arpaio", its title is in `titles`.
 */
export interface NameForm {
  readonly form: string;
  readonly count: number;
  readonly start: number;
  readonly end: number;
}

/** A naming choice backed by a finding: a title, a label, a scare-quoted name or a reporting verb. */
export interface NamingChoice {
  /** The title, label or quoted term, lower case for titles and labels; a reporting verb's base form. */
  readonly value: string;
  /** Index into the article report's `findings`. */
  readonly finding: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The title's office, the label's family, the reporting verb's stance. */
  readonly group?: string;
}

/** How one article names one actor. */
export interface ArticleNaming {
  readonly article: string;
  readonly forms: readonly NameForm[];
  readonly titles: readonly NamingChoice[];
  readonly labels: readonly NamingChoice[];
  readonly scareQuotes: readonly NamingChoice[];
  /** The reporting verbs that attribute this actor's words ("said", "claimed"), with their stance as `group`. */
  readonly verbs: readonly NamingChoice[];
}

export type NamingDivergenceKind = 'name-form' | 'title' | 'label' | 'scare-quote' | 'attribution';

/** Articles that name an actor differently. */
export interface NamingDivergence {
  readonly kind: NamingDivergenceKind;
  /** For titles: the office whose titles differ ("defense-minister"). */
  readonly office?: string;
  /**
   * Each wording with the articles that use it, most used first. Titles with the same words in
   * another order are one wording ("defense minister", "Minister of Defense"), listed in `forms`.
   */
  readonly variants: readonly NamingVariant[];
  /** Articles that name the actor without any choice of this kind. */
  readonly without: readonly string[];
  /** Articles with a wording no other article uses: what this divergence sets apart. */
  readonly distinct: readonly string[];
}

/** One wording of a naming divergence. */
export interface NamingVariant {
  readonly value: string;
  readonly articles: readonly string[];
  /** The written forms merged into this wording, when there are several. */
  readonly forms?: readonly string[];
}

/** One actor named by two or more articles. */
export interface ActorNaming {
  readonly actor: string;
  /** The name most articles give it (the actor id when only findings name it). */
  readonly name: string;
  readonly articles: readonly ArticleNaming[];
  readonly divergences: readonly NamingDivergence[];
}

function isBody(article: Article, offset: number): boolean {
  const block = blockAt(article, offset);
  return block !== -1 && article.blocks[block]!.role !== 'boilerplate';
}

interface Collected {
  name?: string;
  /** Types the article's actor module gave it. */
  readonly types: Set<string>;
  readonly naming: { article: string; forms: NameForm[]; titles: NamingChoice[]; labels: NamingChoice[]; scareQuotes: NamingChoice[]; verbs: NamingChoice[] };
}

/** Where a name starts once the titles written inside it are left out: "Sheriff Joe Arpaio" → "Joe Arpaio". */
function afterTitles(titles: readonly { start: number; end: number }[], start: number, end: number): number {
  let cut = start;
  for (let i = firstStartingAt(titles, start); i < titles.length && titles[i]!.start < end; i++) if (titles[i]!.end < end) cut = Math.max(cut, titles[i]!.end);
  return cut;
}

/** True for a UTF-16 code unit that `/\s/` matches; ASCII is read by code. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

function collect(article: Article, report: ArticleReport): Map<string, Collected> {
  const byActor = new Map<string, Collected>();
  const entry = (actor: string, name?: string): Collected => {
    let found = byActor.get(actor);
    if (!found) {
      const naming = { article: report.id, forms: [], titles: [], labels: [], scareQuotes: [], verbs: [] };
      found = name !== undefined ? { name, types: new Set(), naming } : { types: new Set(), naming };
      byActor.set(actor, found);
    }
    return found;
  };
  const titles = report.findings.filter((finding) => finding.analyzer === 'title-choice' && !finding.boilerplate).map(({ start, end }) => ({ start, end }));
  titles.sort((a, b) => a.start - b.start);
  for (const actor of report.actors) {
    const forms = new Map<string, { count: number; start: number; end: number }>();
    for (const mention of actor.mentions) {
      if (!isBody(article, mention.start)) continue;
      let start = afterTitles(titles, mention.start, mention.end);
      while (start < mention.end && isSpace(article.text.charCodeAt(start))) start++;
      if (start >= mention.end) continue;
      const text = article.text.slice(start, mention.end);
      const form = forms.get(text);
      if (form) form.count++;
      else forms.set(text, { count: 1, start, end: mention.end });
    }
    if (forms.size === 0) continue;
    const found = entry(actor.id, actor.name);
    found.types.add(actor.type);
    for (const [form, seen] of forms) found.naming.forms.push({ form, count: seen.count, start: seen.start, end: seen.end });
    found.naming.forms.sort((a, b) => b.count - a.count || a.start - b.start);
  }
  // A title or label inside someone's quoted speech is the speaker's choice, not the outlet's ("the
  // Israeli occupation" in Abbas's words): left out of the outlet's naming, though the finding is
  // reported. Scare quotes are the writer's own, and a name inside a quotation still shows that the
  // article names the actor.
  const speech = speechSpans(article, SCARE_QUOTE_MAX_WORDS);
  report.findings.forEach((finding, index) => {
    if (finding.boilerplate) return;
    const { start, end, text } = finding;
    if ((finding.analyzer === 'title-choice' || finding.analyzer === 'label') && insideSpans(speech, start, end)) return;
    switch (finding.analyzer) {
      case 'title-choice':
        // "His counterpart" takes another person's office: no wording of that office to compare.
        if (finding.actor && !finding.byReference) entry(finding.actor).naming.titles.push({ value: finding.title.toLowerCase(), finding: index, start, end, text, group: finding.office });
        break;
      case 'label':
        if (finding.actor) entry(finding.actor).naming.labels.push({ value: finding.label.toLowerCase(), finding: index, start, end, text, group: finding.family });
        break;
      case 'scare-quote':
        if (finding.actor) entry(finding.actor).naming.scareQuotes.push({ value: finding.term, finding: index, start, end, text });
        break;
      case 'attribution':
        if (finding.actor) entry(finding.actor).naming.verbs.push({ value: finding.verb, finding: index, start, end, text, group: finding.stance });
        break;
      default:
        break;
    }
  });
  return byActor;
}

/** The name most articles give, the longer on a tie: "Benny Gantz" over "Benjamin Gantz" 4 to 1. */
function commonName(names: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareText(a[0], b[0]))[0]?.[0];
}

// A full name is a form of two or more words; "Gantz" alone is shared by every article and says nothing.
function fullNames(forms: readonly NameForm[]): string[] {
  return forms.map((form) => form.form.replace(/['\u2019]s$/u, '')).filter((form) => splitWords(form).length >= 2);
}

/**
 * The key a full name is compared by: the surname with the name written next to it. A middle
 * initial is house style ("Donald J. Trump" is "Donald Trump"), and what stands further off is a
 * description, not the name: "Weekly Standard Editor Bill Kristol" and "Republican Mitt Romney"
 * are "Bill Kristol" and "Mitt Romney", "General Michael Flynn" is "Michael Flynn". A rank right
 * before the surname leaves the surname alone ("General Flynn" is "Flynn"); a surname written first
 * keeps the name after it ("HAMADA Yasukazu"). A name without the surname is kept whole.
 */
function nameKey(name: string, surname: string): string {
  const words = nameWords(name);
  const at = words.findIndex((word) => keyWord(word) === surname);
  if (at > 0) return NOT_GIVEN.has(words[at - 1]!.toLowerCase()) ? words[at]! : `${words[at - 1]} ${words[at]}`;
  if (at === 0 && words.length > 1) return `${words[0]} ${words[1]}`;
  return words.join(' ');
}

// Words before a surname that are no given name: the shipped titles' words ("General Flynn",
// "Special Agent Strzok"), honorifics and a few offices the titles lexicon does not hold.
const NOT_GIVEN: ReadonlySet<string> = new Set([...titleWordsOf(DEFAULT_LEXICONS.titles), ...HONORIFICS, ...OFFICE_WORDS]);

/** The given names of a full name, as name keys: "Joseph R. Biden Jr." → ["joseph"], "General Flynn" → []. */
function givenWords(form: string, surname: string): string[] {
  return nameWords(form)
    .map(keyWord)
    .filter((word) => word !== surname && !NAME_SUFFIXES.has(word) && !NOT_GIVEN.has(word));
}

/** The words of a full name without middle initials ("Donald J. Trump" → Donald, Trump); `fullNames` has already dropped a final "’s". */
function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((word) => word !== '' && !/^\p{Lu}\.$/u.test(word));
}

/**
 * The full names that can be the same person as the story's most used one. Actors are keyed by
 * surname, so "Melania Trump" and "Donald Trump", or "Bill Clinton" and "Hillary Clinton", meet
 * under one key; their names are two people's, not two names of one.
 */
function oneBearer(uses: ReadonlyMap<string, readonly Use[]>, surname: string): Map<string, readonly Use[]> {
  const articlesOf = new Map<string, number>();
  for (const list of uses.values()) for (const key of new Set(list.map((use) => use.key))) articlesOf.set(key, (articlesOf.get(key) ?? 0) + 1);
  // The most used name with a given name ("Michael Flynn" over "General Flynn").
  const ranked = [...articlesOf.entries()].map(([key, count]) => ({ key, count, named: givenWords(key, surname).length > 0 ? 1 : 0 }));
  const main = ranked.sort((a, b) => b.named - a.named || b.count - a.count || compareText(a.key, b.key))[0]?.key;
  if (main === undefined) return new Map(uses);
  // Given names are read off the written forms: "Hillary Rodham Clinton" has "hillary" and "rodham".
  const given = [...uses.values()].flat().filter((use) => use.key === main).flatMap((use) => givenWords(use.value, surname));
  return new Map([...uses].map(([article, list]) => [article, list.filter((use) => mayBeOnePerson(givenWords(use.value, surname), given, true))]));
}

/** A wording as an article uses it: the key it is compared by and the form written. */
interface Use {
  readonly key: string;
  readonly value: string;
}

// Titles compare by their words, not their order: "minister of defense" is "defense minister".
const TITLE_FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and']);
function titleKey(title: string): string {
  return title
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '' && !TITLE_FUNCTION_WORDS.has(word))
    .sort()
    .join(' ');
}

// An abbreviation is the same title: "Rep." is "Representative", "Brig. Gen." is "Brigadier General".
function abbreviates(short: string, long: string): boolean {
  const a = short.split(' ');
  const b = long.split(' ');
  return a.length === b.length && a.every((word, i) => word === b[i] || (word.endsWith('.') && word.length > 1 && b[i]!.startsWith(word.slice(0, -1)) && !b[i]!.endsWith('.')));
}

/** Title keys with their abbreviations folded into the full form's key. */
function foldAbbreviations(keys: readonly string[]): Map<string, string> {
  const folded = new Map<string, string>();
  const sorted = [...new Set(keys)].sort(compareText);
  for (const key of sorted) folded.set(key, sorted.find((other) => other !== key && abbreviates(key, other)) ?? key);
  return folded;
}

function divergence(kind: NamingDivergenceKind, uses: ReadonlyMap<string, readonly Use[]>, articles: readonly string[], office?: string): NamingDivergence | undefined {
  const variants = new Map<string, { articles: string[]; forms: Map<string, number> }>();
  const users = new Set<string>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const use of uses.get(article) ?? []) {
      let variant = variants.get(use.key);
      if (!variant) variants.set(use.key, (variant = { articles: [], forms: new Map() }));
      variant.forms.set(use.value, (variant.forms.get(use.value) ?? 0) + 1);
      if (!seen.has(use.key)) variant.articles.push(article);
      seen.add(use.key);
      users.add(article);
    }
  }
  const without = articles.filter((article) => !users.has(article));
  // Titles and name forms diverge when two wordings exist; reporting verbs when articles differ in
  // the stances they take ("said" against "claimed"; one article taking both sets none apart);
  // labels and scare quotes whenever some articles use one and others do not.
  const diverges =
    kind === 'title' || kind === 'name-form'
      ? variants.size >= 2
      : kind === 'attribution'
        ? [...variants.values()].some((variant) => variant.articles.length < users.size)
        : variants.size >= 1 && (without.length > 0 || variants.size >= 2);
  if (!diverges) return undefined;
  const distinct = articles.filter((article) => (uses.get(article) ?? []).some((use) => variants.get(use.key)!.articles.length === 1));
  const sorted = [...variants.values()]
    .map((variant): NamingVariant => {
      // The most used form names the wording; on a tie the fuller title ("representative" over
      // "rep.") but the plainer name ("Bill Kristol" over "Weekly Standard Editor Bill Kristol").
      const longer = kind === 'name-form' ? -1 : 1;
      const forms = [...variant.forms.entries()].sort((a, b) => b[1] - a[1] || longer * (b[0].length - a[0].length) || compareText(a[0], b[0])).map(([form]) => form);
      return { value: forms[0]!, articles: variant.articles, ...(forms.length > 1 ? { forms } : {}) };
    })
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.value, b.value));
  return { kind, ...(office !== undefined ? { office } : {}), variants: sorted, without, distinct };
}

/**
 * For each actor named in two or more articles: the name forms, titles, labels, scare quotes and
 * reporting verbs each article uses, with the divergences flagged.
 *
 * @example
 * compareNaming(items).find((a) => a.actor === 'gantz')?.divergences;
 */
export function compareNaming(items: readonly { readonly article: Article; readonly report: ArticleReport }[]): ActorNaming[] {
  const perArticle = items.map(({ article, report }) => collect(article, report));
  // Only actors that two or more articles name are compared.
  const named = new Map<string, number>();
  for (const map of perArticle) for (const id of map.keys()) named.set(id, (named.get(id) ?? 0) + 1);
  const shared: string[] = [];
  for (const [id, count] of named) if (count >= 2) shared.push(id);
  const out: ActorNaming[] = [];
  for (const actor of shared.sort(compareText)) {
    const present = perArticle.map((map) => map.get(actor)).filter((entry) => entry !== undefined);
    const articles = present.map((entry) => entry.naming);
    const ids = articles.map((naming) => naming.article);
    const name = commonName(present.flatMap((entry) => (entry.name !== undefined ? [entry.name] : []))) ?? actor;
    const usesOf = (read: (naming: ArticleNaming) => readonly Use[]): Map<string, readonly Use[]> => new Map(articles.map((naming) => [naming.article, read(naming)]));
    const divergences: NamingDivergence[] = [];
    // Name forms are a matter of persons: "Saudi Arabia" and "Saudi Arabian" are one country.
    // Only a person has a name to choose ("Benny" or "Benjamin"): an actor no article finds to be one
    // ("Top Clinton Aide", "Former Clinton Aide") has none.
    const institutional = present.some((entry) => entry.types.has('country') || entry.types.has('organization'));
    const person = present.some((entry) => entry.types.has('person'));
    const surname = surnameOfId(actor);
    const nameForms = institutional || !person ? undefined : divergence('name-form', oneBearer(usesOf((naming) => fullNames(naming.forms).map((form) => ({ key: nameKey(form, surname), value: form }))), surname), ids);
    if (nameForms) divergences.push(nameForms);
    // Titles of one office are compared with each other: "security minister" against "defense minister".
    const offices = [...new Set(articles.flatMap((naming) => naming.titles.map((choice) => choice.group ?? choice.value)))].sort(compareText);
    for (const office of offices) {
      const ofOffice = (naming: ArticleNaming): readonly NamingChoice[] => naming.titles.filter((choice) => (choice.group ?? choice.value) === office);
      const fold = foldAbbreviations(articles.flatMap((naming) => ofOffice(naming).map((choice) => titleKey(choice.value))));
      const titles = usesOf((naming) => ofOffice(naming).map((choice) => ({ key: fold.get(titleKey(choice.value))!, value: choice.value })));
      const found = divergence('title', titles, ids, office);
      if (found) divergences.push(found);
    }
    const labels = divergence('label', usesOf((naming) => naming.labels.map((choice) => ({ key: choice.value, value: choice.value }))), ids);
    if (labels) divergences.push(labels);
    const scare = divergence('scare-quote', usesOf((naming) => naming.scareQuotes.map((choice) => ({ key: choice.value, value: choice.value }))), ids);
    if (scare) divergences.push(scare);
    // Reporting verbs are compared by stance: "said" and "told" are one choice, "claimed" another.
    const verbs = divergence('attribution', usesOf((naming) => naming.verbs.map((choice) => ({ key: choice.group ?? 'neutral', value: choice.value }))), ids);
    if (verbs) divergences.push(verbs);
    out.push({ actor, name, articles, divergences });
  }
  return out.sort((a, b) => b.articles.length - a.articles.length || b.divergences.length - a.divergences.length || compareText(a.actor, b.actor));
}
