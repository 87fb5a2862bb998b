// English hypocorisms that are no beginning of the full name (after Wikipedia, "Hypocorism" and
// "List of English given names"): "Dick Durbin" and "Richard J. Durbin" are one man, as are "Benny"
// and "Benjamin" Gantz. A name that begins another ("Tom", "Thomas") needs no entry.
const HYPOCORISMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dick', ['richard']], ['rick', ['richard', 'frederick', 'eric']], ['ricky', ['richard']], ['bill', ['william']], ['will', ['william']],
  ['billy', ['william']], ['bob', ['robert']], ['bobby', ['robert']], ['rob', ['robert']], ['beto', ['robert']], ['ted', ['edward', 'theodore']],
  ['teddy', ['edward', 'theodore']], ['ned', ['edward']], ['jack', ['john']], ['johnny', ['john']], ['hank', ['henry']],
  ['harry', ['henry', 'harold']], ['peggy', ['margaret']], ['maggie', ['margaret']], ['molly', ['mary']], ['polly', ['mary']],
  ['sally', ['sarah']], ['liz', ['elizabeth']], ['betty', ['elizabeth']], ['beth', ['elizabeth']], ['bess', ['elizabeth']],
  ['lisa', ['elizabeth']], ['tony', ['anthony']], ['sandy', ['alexander', 'sandra']], ['chuck', ['charles']], ['kit', ['christopher']],
  ['jim', ['james']], ['jimmy', ['james']], ['newt', ['newton']], ['benny', ['benjamin']], ['joe', ['joseph']], ['joey', ['joseph']],
  ['mike', ['michael']], ['mickey', ['michael']], ['nick', ['nicholas', 'nicolas']], ['andy', ['andrew']], ['drew', ['andrew']],
  ['jerry', ['gerald', 'jerome', 'jeremiah', 'jerrold']], ['charlie', ['charles']], ['dave', ['david']], ['davey', ['david']],
  ['zack', ['zachary']], ['zach', ['zachary']], ['bibi', ['benjamin']], ['nate', ['nathan', 'nathaniel']], ['jake', ['jacob']],
  ['gabe', ['gabriel']], ['rudy', ['rudolph']], ['marty', ['martin']], ['meg', ['margaret']], ['wally', ['walter']], ['larry', ['lawrence', 'laurence']], ['kate', ['katherine', 'catherine', 'kathryn']],
  ['katie', ['katherine', 'catherine', 'kathryn']], ['kathy', ['katherine', 'kathleen', 'kathryn']], ['cathy', ['catherine']],
  ['sue', ['susan', 'suzanne']], ['becky', ['rebecca']], ['steve', ['stephen']], ['stevie', ['stephen', 'steven']], ['tommy', ['thomas']],
  ['danny', ['daniel']], ['bernie', ['bernard']], ['debbie', ['deborah']], ['vicky', ['victoria']], ['jenny', ['jennifer']],
  ['patty', ['patricia']], ['chris', ['christopher', 'christine', 'christina']], ['gene', ['eugene']],
]);

const KNOWN_NAMES: ReadonlySet<string> = new Set([...HYPOCORISMS].flatMap(([short, full]) => [short, ...full]));

/**
 * Whether the word is one of the given names this module knows (those of its hypocorisms): a
 * name even where it is a common word too ("Bill", "Will", "Drew").
 *
 * @example
 * isKnownGivenName('bill'); // true
 */
export function isKnownGivenName(word: string): boolean {
  return KNOWN_NAMES.has(word);
}

/**
 * A given name as spelt by ear: doubled letters single, "ck" as "k", "ou" as "u", so that
 * spellings of one name meet ("Hilary", "Hillary"; "Barak", "Barack"; "Mahmud", "Mahmoud").
 */
function spelling(name: string): string {
  let spelt = SPELT.get(name);
  if (spelt === undefined) {
    // Names are compared pairwise, each many times: spelt once (a bounded table).
    if (SPELT.size >= 10_000) SPELT.clear();
    SPELT.set(name, (spelt = name.replace(/ck/g, 'k').replace(/ou/g, 'u').replace(/(\p{L})\1+/gu, '$1')));
  }
  return spelt;
}

const SPELT = new Map<string, string>();

/** Whether two given names may be one person's: the same, spelt alike, one the beginning of the other ("Tom", "Thomas"), or a hypocorism ("Bill", "William"). */
function mayBeOneName(a: string, b: string): boolean {
  if (a === b || HYPOCORISMS.get(a)?.includes(b) === true || HYPOCORISMS.get(b)?.includes(a) === true) return true;
  const x = spelling(a);
  const y = spelling(b);
  return x === y || (x.length >= 2 && y.length >= 2 && (x.startsWith(y) || y.startsWith(x)));
}

/**
 * Whether two people of one surname, known by these given names (name keys, first name first),
 * may be one person: a given name written by both ("Sarah Huckabee Sanders", "Huckabee Sanders"),
 * or first names that may be one name ("Benny Gantz", "Benjamin Gantz"; "Bill", "William"). No
 * given name on one side says nothing against it. Only first names are compared as names
 * ("Hillary Rodham Clinton" and "Roger Clinton" are two people), unless `anyWord` compares every
 * word so, for names whose words may still hold a description ("Democrat Joe Biden"). Two names
 * with one initial are two people ("Joe Biden", "Jill Biden"; "Ivana", "Ivanka").
 *
 * @example
 * mayBeOnePerson(['hillary', 'rodham'], ['hillary']); // true
 * mayBeOnePerson(['hunter'], ['joe']); // false
 */
export function mayBeOnePerson(a: readonly string[], b: readonly string[], anyWord = false): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (anyWord) return a.some((x) => b.some((y) => mayBeOneName(x, y)));
  return a.some((x) => b.includes(x)) || mayBeOneName(a[0]!, b[0]!);
}
