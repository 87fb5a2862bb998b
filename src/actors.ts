import type { Article } from './article';

export type ActorType = 'person' | 'country' | 'organization' | 'unknown';

/** One place where an article names an actor. */
export interface ActorMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An actor of an article, with every surface form it goes by ("Gantz", "Benny Gantz"). */
export interface Actor {
  /** A key shared across articles of a story ("gantz", "israel"). */
  readonly id: string;
  /** The fullest name seen. */
  readonly name: string;
  readonly type: ActorType;
  /** Distinct surface forms, most frequent first. */
  readonly forms: readonly string[];
  readonly mentions: readonly ActorMention[];
}

/** An actor a user names: its name, other names it goes by, and its type. */
export interface ActorSpec {
  readonly id?: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly type?: ActorType;
}

export interface FindActorsOptions {
  readonly actors?: readonly ActorSpec[];
}

/**
 * Find the actors of an article from proper-noun sequences and user-supplied actors, grouping
 * surface forms that share a surname ("Benny Gantz", "Gantz").
 *
 * @example
 * findActors(readArticle('Benny Gantz met Hamada. Gantz said...')).map((a) => a.id); // ['gantz', 'hamada']
 */
export function findActors(article: Article, _options: FindActorsOptions = {}): Actor[] {
  const groups = new Map<string, { name: string; forms: Map<string, number>; mentions: ActorMention[] }>();
  const tokens = article.tokens;
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i]!.pos !== 'PROPN') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.pos === 'PROPN' && tokens[j]!.sentence === tokens[i]!.sentence) j++;
    const start = tokens[i]!.start;
    const end = tokens[j - 1]!.end;
    const text = article.text.slice(start, end);
    const id = tokens[j - 1]!.lower;
    const group = groups.get(id) ?? { name: text, forms: new Map<string, number>(), mentions: [] };
    if (text.length > group.name.length) group.name = text;
    group.forms.set(text, (group.forms.get(text) ?? 0) + 1);
    group.mentions.push({ start, end, text });
    groups.set(id, group);
    i = j;
  }
  return [...groups.entries()].map(([id, group]) => ({
    id,
    name: group.name,
    type: 'unknown' as const,
    forms: [...group.forms.entries()].sort((a, b) => b[1] - a[1]).map(([form]) => form),
    mentions: group.mentions,
  }));
}

/** The actor mentioned exactly or partly within [start, end), if any. */
export function findActorAt(actors: readonly Actor[], start: number, end: number): Actor | undefined {
  for (const actor of actors) {
    for (const mention of actor.mentions) if (mention.start < end && start < mention.end) return actor;
  }
  return undefined;
}
