import { checkArticle } from '../inputs';
import { spanFields, type Article } from '../article';
import type { LoadedCategory, LoadedLanguageFinding } from '../findings';
import { LOADED_CATEGORIES } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';

const CATEGORIES: ReadonlySet<string> = new Set<LoadedCategory>(LOADED_CATEGORIES);

/**
 * Emotionally loaded, intensifying or puffery words in the article ("historic", "barbaric",
 * "malign"), each with its lexicon category. Words inside quotations are kept: the choice to
 * quote them is the writer's, and the quote analyzer tells whose words they are. Findings in
 * boilerplate blocks are kept and marked.
 *
 * @example
 * findLoadedLanguage(readArticle('Israel, Japan sign historic defense agreement'), context)[0].term; // 'historic'
 */
export function findLoadedLanguage(article: Article, context: AnalyzerContext): LoadedLanguageFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  return context.matches('loaded', tokens).map((match): LoadedLanguageFinding => {
    const start = tokens[match.tokenStart]!.start;
    const end = tokens[match.tokenEnd - 1]!.end;
    const category = CATEGORIES.has(match.entry.category) ? (match.entry.category as LoadedCategory) : 'emotive';
    return { analyzer: 'loaded-language', rule: match.entry.id, ...spanFields(article, start, end), term: match.term, category };
  });
}

/** The loaded-language analyzer's descriptor. */
export const loadedLanguage: Analyzer<'loaded-language'> = {
  id: 'loaded-language',
  summary: 'Emotionally loaded, intensifying and puffery words ("historic", "barbaric", "malign"), with a category.',
  analyze: findLoadedLanguage,
};
