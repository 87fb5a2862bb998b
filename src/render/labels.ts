import type { ArticleReport } from '../report';

/**
 * The headline of an article as the report shows it: the given title, else its first headline
 * block. Plain text; the caller escapes it.
 *
 * @example
 * articleHeadline(article); // "Japan, 'Israel' agree on military collaboration"
 */
export function articleHeadline(article: ArticleReport): string | undefined {
  if (article.meta.title) return article.meta.title;
  const block = article.blocks.find((candidate) => candidate.role === 'headline');
  return block ? article.text.slice(block.start, block.end) : undefined;
}
