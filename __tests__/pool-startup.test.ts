import { analyzeStory } from '../src/analyze';
import { createAnalyzePool } from '../src/parallel';
import { seedText } from './helpers/corpus';

// A file of its own: wink is loaded once per test file's global, and no other test here may load it.
const WINK = Symbol.for('framelens.wink');

test('a pool of workers loads no model on the calling thread, which only checks the options', async () => {
  const pool = createAnalyzePool({ actors: [{ id: 'kyodo', name: 'Kyodo news agency', aliases: ['Kyodo'], type: 'organization' }] }, { jobs: 2 });
  try {
    await pool.ready();
    const report = await pool.analyzeStory({ id: 'one', articles: [{ text: seedText('000') }] });
    expect(report.articles[0]!.actors.filter((actor) => actor.origin === 'spec').map((actor) => actor.id)).toEqual(['kyodo']);
  } finally {
    await pool.close();
  }
  expect((globalThis as Record<symbol, unknown>)[WINK]).toBeUndefined();
  // The check itself is no analysis: an empty story loads nothing either.
  analyzeStory({ id: 'empty', articles: [] }, { skip: ['hedge'] });
  expect((globalThis as Record<symbol, unknown>)[WINK]).toBeUndefined();
}, 60_000);
