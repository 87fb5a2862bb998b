import { mayBeNamed, namePartsOf, otherPersonId, surnameOfId, type NameParts } from './actors';
import type { Finding } from './findings';
import type { ArticleReport } from './report';

/** One person of a story: the name parts it was first found by, and where it is named. */
interface StoryPerson extends NameParts {
  readonly surname: string;
  readonly articles: Set<number>;
  mentions: number;
  /** How often each first given name is the first of a full form: the most written names it. */
  readonly firstNames: Map<string, number>;
}

/**
 * The story's articles with one id for each person of a shared surname. Each article keys the
 * person of a surname it names first by the bare surname ("biden") and others of that surname by
 * given name ("hunter-biden"), so an article that names only Hunter Biden calls him "biden", and
 * one that names Hunter first calls Joe "joe-biden". Here the people of each surname are told
 * apart across the story by their written full names, as within an article (`mayBeNamed`): the one
 * named in most articles (then with most mentions, then first) keeps the surname and the others are
 * renamed, in the actors, the findings and the tone. A surname that some article names a person
 * by alone, or that the caller declared, is left as each article keys it. An article whose renaming
 * would give two actors one id keeps its ids.
 *
 * @example
 * alignPeople(reports).map((report) => report.actors.map((actor) => actor.id));
 * // [['biden', 'hunter-biden'], ['hunter-biden']]: the second article names only Hunter Biden
 */
export function alignPeople(reports: readonly ArticleReport[]): ArticleReport[] {
  const people = new Map<string, StoryPerson[]>();
  const personOf = reports.map(() => new Map<string, StoryPerson>());
  reports.forEach((report, index) => {
    for (const actor of report.actors) {
      if (actor.type !== 'person' || actor.origin !== 'text') continue;
      const surname = surnameOfId(actor.id);
      let parts: NameParts | undefined;
      for (const form of actor.forms) if ((parts = namePartsOf(form, surname))) break;
      if (!parts) continue;
      let ofSurname = people.get(surname);
      if (!ofSurname) people.set(surname, (ofSurname = []));
      let person = ofSurname.find((known) => mayBeNamed(known, parts!));
      if (!person) ofSurname.push((person = { ...parts, surname, articles: new Set(), mentions: 0, firstNames: new Map() }));
      person.articles.add(index);
      person.mentions += actor.mentions.length;
      person.firstNames.set(parts.givens[0]!, (person.firstNames.get(parts.givens[0]!) ?? 0) + 1);
      personOf[index]!.set(actor.id, person);
    }
  });
  // A surname some article names a person by alone, or that the caller declared, is left as the
  // articles key it: who holds it there cannot be told from the names.
  const unsure = new Set<string>();
  reports.forEach((report, index) => {
    for (const actor of report.actors) if (actor.type === 'person' && (actor.origin === 'spec' || !personOf[index]!.has(actor.id))) unsure.add(surnameOfId(actor.id));
  });
  const keys = new Map<StoryPerson, string>();
  for (const [surname, ofSurname] of people) {
    if (ofSurname.length < 2 || unsure.has(surname)) continue;
    const main = [...ofSurname].sort((a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions)[0];
    for (const person of ofSurname) keys.set(person, person === main ? surname : otherPersonId(person.firstNames, surname, person));
  }
  if (keys.size === 0) return [...reports];
  return reports.map((report, index) => {
    const renamed = new Map<string, string>();
    for (const [id, person] of personOf[index]!) {
      const key = keys.get(person);
      if (key !== undefined && key !== id) renamed.set(id, key);
    }
    if (renamed.size === 0) return report;
    const ids = report.actors.map((actor) => renamed.get(actor.id) ?? actor.id);
    if (new Set(ids).size !== ids.length) return report;
    const rename = (id: string): string => renamed.get(id) ?? id;
    return {
      ...report,
      findings: report.findings.map((finding): Finding => ('actor' in finding && finding.actor !== undefined && renamed.has(finding.actor) ? { ...finding, actor: rename(finding.actor) } : finding)),
      actors: report.actors.map((actor) => (renamed.has(actor.id) ? { ...actor, id: rename(actor.id) } : actor)),
      tone: { ...report.tone, actors: report.tone.actors.map((tone) => (renamed.has(tone.actor) ? { ...tone, actor: rename(tone.actor) } : tone)) },
    };
  });
}
