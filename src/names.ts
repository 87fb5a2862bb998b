// English hypocorisms whose initial differs from the full name's (after Wikipedia, "Hypocorism" and
// "List of English given names"): "Dick Durbin" and "Richard J. Durbin" are one man.
const HYPOCORISMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dick', ['richard']], ['rick', ['richard', 'frederick', 'eric']], ['bill', ['william']], ['will', ['william']], ['billy', ['william']],
  ['bob', ['robert']], ['bobby', ['robert']], ['rob', ['robert']], ['ted', ['edward', 'theodore']], ['ned', ['edward']], ['jack', ['john']],
  ['hank', ['henry']], ['harry', ['henry', 'harold']], ['peggy', ['margaret']], ['maggie', ['margaret']], ['molly', ['mary']],
  ['polly', ['mary']], ['sally', ['sarah']], ['liz', ['elizabeth']], ['betty', ['elizabeth']], ['beth', ['elizabeth']], ['bess', ['elizabeth']],
  ['lisa', ['elizabeth']], ['tony', ['anthony']], ['sandy', ['alexander', 'sandra']], ['chuck', ['charles']], ['kit', ['christopher']],
  ['jim', ['james']], ['newt', ['newton']],
]);

/** Whether two given names may be one person's: the same initial ("Benny", "Benjamin") or a hypocorism ("Bill", "William"). */
function mayBeOneName(a: string, b: string): boolean {
  return a === b || a[0] === b[0] || HYPOCORISMS.get(a)?.includes(b) === true || HYPOCORISMS.get(b)?.includes(a) === true;
}

/**
 * Whether two people of one surname, known by these given names (name keys, first name first),
 * may be one person: a given name written by both ("Sarah Huckabee Sanders", "Huckabee Sanders"),
 * or first names that may be one name ("Benny Gantz", "Benjamin Gantz"; "Bill", "William"). No
 * given name on one side says nothing against it. "Hillary Rodham Clinton" and "Roger Clinton" are
 * two people: only first names are compared by their initials, unless `anyWord` compares every
 * word so, for names whose words may still hold a description ("Democrat Joe Biden").
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
