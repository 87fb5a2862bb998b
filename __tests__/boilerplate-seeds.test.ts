import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle } from '../src/article';
import { analyzeStory } from '../src/analyze';
import { SEED_FILES, seedId, seedText } from './helpers/corpus';

/**
 * The role a careful reader gives every line of the seed corpus, one block per line:
 * `<start>-<end> <role>[/<kind>] "<first 50 characters>"`. 004's standfirst (the sentence under
 * its title, with no full stop) counts as part of the headline, not as reporting.
 */
const FIXTURES = join(__dirname, 'fixtures', 'seed-roles');

function describeBlocks(prefix: string): string[] {
  const text = seedText(prefix);
  const article = readArticle(text, { id: prefix });
  return article.blocks.map((block) => `${block.start}-${block.end} ${block.role}${block.kind ? `/${block.kind}` : ''} ${JSON.stringify(text.slice(block.start, block.end).slice(0, 50))}`);
}

describe('seed corpus roles', () => {
  test.each(SEED_FILES)('every line of %s has the expected role and kind', (file) => {
    const expected = readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter((line) => line !== '');
    expect(describeBlocks(file.slice(0, 3))).toEqual(expected);
  });

  test('the story-level pass over the five seeds keeps every role', () => {
    const story = analyzeStory({ id: 'seeds', articles: SEED_FILES.map((file) => ({ text: seedText(file.slice(0, 3)), meta: { id: seedId(file.slice(0, 3)) } })) });
    for (const article of story.articles) {
      const expected = readFileSync(join(FIXTURES, `${article.id}.txt`), 'utf8').split('\n').filter((line) => line !== '');
      const text = seedText(article.id.slice(0, 3));
      const actual = article.blocks.map((block) => `${block.start}-${block.end} ${block.role}${block.kind ? `/${block.kind}` : ''} ${JSON.stringify(text.slice(block.start, block.end).slice(0, 50))}`);
      expect(actual).toEqual(expected);
    }
  });

  test('every boilerplate block of the seeds says which rule decided it', () => {
    for (const file of SEED_FILES) {
      const article = readArticle(seedText(file.slice(0, 3)), { id: file });
      for (const block of article.blocks.filter((b) => b.role === 'boilerplate')) {
        expect(block.kind).toBeDefined();
        expect(block.rule).toMatch(/\S/);
      }
    }
  });
});
