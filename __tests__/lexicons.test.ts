import { COUNTRIES } from '../src/actors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle, type Token } from '../src/article';
import { buildLexicons, compilePhrases, DEFAULT_LEXICONS, joinMatchers, LEXICON_NAMES, termWords, type LexiconEntry, type PhraseMatch, type PhraseMatcher } from '../src/lexicons';
import { CORPUS_DIR, SEED_FILES } from './helpers/corpus';

const all = LEXICON_NAMES.flatMap((name) => DEFAULT_LEXICONS[name].map((entry) => ({ name, entry })));

describe('every shipped lexicon', () => {
  test('entry ids are unique across lexicons', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const { name, entry } of all) {
      if (seen.has(entry.id)) repeats.push(`${entry.id} (${seen.get(entry.id)}, ${name})`);
      seen.set(entry.id, name);
    }
    expect(repeats).toEqual([]);
  });

  test('every entry has a source and a note', () => {
    const missing = all.filter(({ entry }) => entry.source.trim() === '' || entry.note.trim() === '').map(({ entry }) => entry.id);
    expect(missing).toEqual([]);
  });

  test('every entry has non-empty terms', () => {
    for (const { entry } of all) {
      expect(entry.terms.length).toBeGreaterThan(0);
      for (const term of entry.terms) expect(term.trim()).not.toBe('');
    }
  });
});

describe('the lexical framing lexicons', () => {
  const lexical = ['titles', 'labels', 'loaded', 'hedges'] as const;

  test('no term appears twice in one lexicon (the second entry would never match)', () => {
    for (const name of lexical) {
      const seen = new Map<string, string>();
      const repeats: string[] = [];
      for (const entry of DEFAULT_LEXICONS[name]) {
        for (const term of entry.terms) {
          const key = term.toLowerCase();
          if (seen.has(key)) repeats.push(`${name}: "${term}" in ${seen.get(key)} and ${entry.id}`);
          seen.set(key, entry.id);
        }
      }
      expect(repeats).toEqual([]);
    }
  });

  test('no loaded-language or hedge term is an attribution verb (one word, one analyzer)', () => {
    const attribution = new Set(DEFAULT_LEXICONS.attribution.flatMap((entry) => entry.terms.map((term) => term.toLowerCase())));
    const shared = [...DEFAULT_LEXICONS.loaded, ...DEFAULT_LEXICONS.hedges].flatMap((entry) => entry.terms.filter((term) => attribution.has(term.toLowerCase())).map((term) => `${entry.id}: ${term}`));
    expect(shared).toEqual([]);
  });

  test('ids carry their lexicon’s prefix', () => {
    const prefix = { titles: 'title.', labels: 'label.', loaded: 'loaded.', hedges: 'hedge.' } as const;
    for (const name of lexical) for (const entry of DEFAULT_LEXICONS[name]) expect(entry.id.startsWith(prefix[name])).toBe(true);
  });

  test('every title has an office', () => {
    expect(DEFAULT_LEXICONS.titles.filter((entry) => !entry.office).map((entry) => entry.id)).toEqual([]);
  });

  test('"security minister" is a title of the defense-minister office', () => {
    const entry = DEFAULT_LEXICONS.titles.find((candidate) => candidate.terms.includes('security minister'));
    expect(entry?.office).toBe('defense-minister');
  });

  test('loaded-language and hedge categories are the ones the findings name', () => {
    const loaded = new Set(['intensifier', 'puffery', 'emotive', 'pejorative', 'euphemism', 'sensational', 'moralizing']);
    const hedges = new Set(['hedge', 'distancing', 'weasel']);
    expect(DEFAULT_LEXICONS.loaded.filter((entry) => !loaded.has(entry.category)).map((entry) => entry.id)).toEqual([]);
    expect(DEFAULT_LEXICONS.hedges.filter((entry) => !hedges.has(entry.category)).map((entry) => entry.id)).toEqual([]);
  });

  test('every label has an alternative field', () => {
    expect(DEFAULT_LEXICONS.labels.filter((entry) => entry.alternative === undefined).map((entry) => entry.id)).toEqual([]);
  });

  test('no label’s neutral alternative is itself flagged by any framing lexicon', () => {
    const flagging: LexiconEntry[] = [
      ...DEFAULT_LEXICONS.labels,
      ...DEFAULT_LEXICONS.loaded,
      ...DEFAULT_LEXICONS.hedges,
      ...DEFAULT_LEXICONS.attribution.filter((entry) => entry.stance !== undefined && entry.stance !== 'neutral'),
    ];
    const matcher = compilePhrases(flagging);
    const flagged: string[] = [];
    for (const entry of DEFAULT_LEXICONS.labels) {
      if (!entry.alternative) continue;
      const article = readArticle(`The ${entry.alternative} spoke.`, { id: entry.id });
      for (const match of matcher.match(article.tokens)) flagged.push(`${entry.id}: "${entry.alternative}" matches ${match.entry.id}`);
    }
    expect(flagged).toEqual([]);
  });
});

describe('the country table', () => {
  test('country ids and forms are unique', () => {
    const ids = COUNTRIES.map((country) => country.id);
    expect(new Set(ids).size).toBe(ids.length);
    const forms = COUNTRIES.flatMap((country) => country.forms);
    expect(forms.filter((form, index) => forms.indexOf(form) !== index)).toEqual([]);
  });
});

describe('user changes', () => {
  test('an added entry and a removed id change a fresh set, never the shipped one', () => {
    const before = DEFAULT_LEXICONS.loaded.length;
    const extra: LexiconEntry = { id: 'loaded.user-dastardly', terms: ['dastardly'], category: 'pejorative', note: 'test', source: 'user' };
    const built = buildLexicons({ add: { loaded: [extra] }, remove: ['loaded.historic'] });
    expect(built.loaded.map((entry) => entry.id)).toContain('loaded.user-dastardly');
    expect(built.loaded.map((entry) => entry.id)).not.toContain('loaded.historic');
    expect(DEFAULT_LEXICONS.loaded).toHaveLength(before);
    expect(DEFAULT_LEXICONS.loaded.map((entry) => entry.id)).toContain('loaded.historic');
  });
});

describe('matching several lexicons in one pass', () => {
  /** The plain definition: at each token not inside an earlier match, the longest term whose words follow within the sentence. */
  function plainScan(entries: readonly LexiconEntry[], tokens: readonly Token[]): string[] {
    const terms = entries.flatMap((entry) => entry.terms.map((term) => ({ entry, words: termWords(term) }))).filter(({ words }) => words.length > 0);
    const found: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const fits = terms.filter(({ words }) => words.every((word, k) => tokens[i + k]?.lower === word && tokens[i + k]!.sentence === tokens[i]!.sentence));
      const longest = Math.max(0, ...fits.map(({ words }) => words.length));
      const match = fits.find(({ words }) => words.length === longest);
      if (match) found.push(`${match.entry.id}@${i}+${longest}`);
      i += Math.max(1, longest);
    }
    return found;
  }
  const seen = (matches: readonly PhraseMatch[]): string[] => matches.map((match) => `${match.entry.id}@${match.tokenStart}+${match.tokenEnd - match.tokenStart}`);

  test('finds in each lexicon of every seed article what a plain scan of that lexicon alone finds', () => {
    const joint = joinMatchers(LEXICON_NAMES.map((name) => compilePhrases(DEFAULT_LEXICONS[name])));
    let total = 0;
    for (const file of SEED_FILES) {
      const article = readArticle(readFileSync(join(CORPUS_DIR, file), 'utf8'), { id: file });
      const together = joint.match(article.tokens);
      LEXICON_NAMES.forEach((name, index) => {
        expect({ file, name, found: seen(together[index]!) }).toEqual({ file, name, found: plainScan(DEFAULT_LEXICONS[name], article.tokens) });
        total += together[index]!.length;
      });
    }
    expect(total).toBeGreaterThan(100);
  });

  test('lexicons whose terms overlap each keep their own matches, and a range limits all of them', () => {
    const entry = (id: string, terms: string[]): LexiconEntry => ({ id, terms, category: 'test', note: 'test', source: 'test' });
    const offices = compilePhrases([entry('office.pm', ['prime minister']), entry('office.minister', ['minister'])]);
    const words = compilePhrases([entry('word.minister', ['minister']), entry('word.prime', ['prime'])]);
    const tokens = readArticle('The prime minister met the minister.').tokens;
    const [byOffice, byWord] = joinMatchers([offices, words]).match(tokens);
    expect(seen(byOffice!)).toEqual(['office.pm@1+2', 'office.minister@5+1']);
    expect(seen(byWord!)).toEqual(['word.prime@1+1', 'word.minister@2+1', 'word.minister@5+1']);
    const [inRange, wordsInRange] = joinMatchers([offices, words]).match(tokens, 2, 5);
    expect(seen(inRange!)).toEqual(['office.minister@2+1']);
    expect(seen(wordsInRange!)).toEqual(['word.minister@2+1']);
  });

  test('a matcher not made by compilePhrases is a typed error', () => {
    const fake: PhraseMatcher = { match: () => [], matchAt: () => [] };
    expect(() => joinMatchers([compilePhrases(DEFAULT_LEXICONS.hedges), fake])).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'matchers[1]' }));
  });
});
