import type { ArticleReport } from '../report';

/** Version of the comparison's shape; raised on any breaking change. */
export const COMPARISON_SCHEMA_VERSION = 1;

/** How the articles of one story differ. Sections are filled by the comparison modules. */
export interface StoryComparison {
  readonly schemaVersion: number;
  readonly articles: readonly string[];
}

/**
 * Compare the articles of a story. Boilerplate never feeds the comparison.
 *
 * @example
 * compareStory(story.articles).articles; // ['000_…', '001_…']
 */
export function compareStory(articles: readonly ArticleReport[]): StoryComparison {
  return { schemaVersion: COMPARISON_SCHEMA_VERSION, articles: articles.map((article) => article.id) };
}
