import { analyzeStory } from '../../src/analyze';
import type { StoryReport } from '../../src/report';
import { SEED_FILES, seedId, seedText } from '../helpers/corpus';

let cached: StoryReport | undefined;

/** The seed story through the real pipeline (read once per test file). */
export function seedStory(): StoryReport {
  cached ??= analyzeStory({
    id: 'seed',
    articles: SEED_FILES.map((file) => {
      const prefix = file.slice(0, 3);
      return { text: seedText(prefix), meta: { id: seedId(prefix) } };
    }),
  });
  return cached;
}

/** The full id of a seed article by its number prefix. */
export const id = seedId;
