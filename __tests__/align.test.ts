import { analyzeStory } from '../src/analyze';

const story = (...texts: string[]) => analyzeStory({ id: 'story', articles: texts.map((text, index) => ({ text, meta: { id: `a${index}` } })) });
const people = (report: ReturnType<typeof story>) => report.articles.map((article) => article.actors.filter((actor) => actor.id.endsWith('biden')).map((actor) => `${actor.id}: ${[...actor.forms].sort().join('|')}`));

describe('one id for each person of a surname across a story', () => {
  const JOE = 'President Joe Biden spoke on Monday. Biden said the economy was strong.';
  const BOTH = 'President Joe Biden spoke on Monday. His son Hunter Biden listened. Biden said the economy was strong.';
  const HUNTER = 'Hunter Biden pleaded guilty on Tuesday. Biden, 53, faces prison.';
  const HUNTER_FIRST = 'Hunter Biden pleaded guilty on Tuesday. His father, President Joe Biden, was in Delaware. Biden, 53, faces prison.';

  test('an article naming only the other person of a surname gives it that person’s id', () => {
    const report = story(JOE, BOTH, HUNTER);
    expect(people(report)).toEqual([['biden: Biden|Joe Biden'], ['biden: Biden|Joe Biden', 'hunter-biden: Hunter Biden'], ['hunter-biden: Biden|Hunter Biden']]);
    // Its findings and tone follow, and the comparison sees Hunter Biden in two articles.
    const quoted = report.articles[2]!.tone.actors.map((tone) => tone.actor);
    expect(quoted).toContain('hunter-biden');
    expect(quoted).not.toContain('biden');
    expect(report.comparison.naming.find((entry) => entry.actor === 'hunter-biden')?.articles.map((article) => article.article)).toEqual(['a1', 'a2']);
  });

  test('an article that names the other person first gets the story’s ids', () => {
    expect(people(story(JOE, BOTH, HUNTER_FIRST))).toEqual([['biden: Biden|Joe Biden'], ['biden: Biden|Joe Biden', 'hunter-biden: Hunter Biden'], ['hunter-biden: Biden|Hunter Biden', 'biden: Joe Biden']]);
  });

  test('the person named in most articles keeps the surname; a story of one person keeps its ids', () => {
    expect(people(story(HUNTER, HUNTER, BOTH)).map((ids) => ids.map((id) => id.split(':')[0]))).toEqual([['biden'], ['biden'], ['joe-biden', 'biden']]);
    expect(people(story(HUNTER, HUNTER))).toEqual([['biden: Biden|Hunter Biden'], ['biden: Biden|Hunter Biden']]);
  });

  test('a surname some article names a person by alone is left as each article keys it', () => {
    const report = story(HUNTER, BOTH, 'President Biden said on Wednesday he would not pardon his son.');
    expect(people(report).map((ids) => ids.map((id) => id.split(':')[0]))).toEqual([['biden'], ['biden', 'hunter-biden'], ['biden']]);
  });
});
