import { ANALYZER_IDS, FRAMING_ANALYZERS, isFramingFinding, type AnalyzerId, type Finding } from '../findings';
import type { InputFailure } from '../errors';
import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import { clip, escapeHtml, formatNumber, isolateHtml, isolateText } from './escape';
import { articleHeadline } from './labels';
import { ANALYZER_COLOURS } from './palette';
import { analyzerName, describeFinding } from './wording';
import { comparisonHtml } from './html-comparison';
import { REPORT_CSS } from './html-style';
import { BOOLEAN_OPTION, STRING_OPTION, checkRenderOptions, checkRenderedPart, checkRenderedReport, givenOptions, integerOption, type OptionRule } from './check';

export interface RenderHtmlOptions {
  /** The page title (default "framelens report"). */
  readonly title?: string;
  /** A `<div>` to embed in another page (a notebook) instead of a whole document. */
  readonly fragment?: boolean;
  /** Longest evidence quoted in lists and tables, in characters (default 120). */
  readonly maxEvidence?: number;
  /** Show each article's full text with its findings highlighted (default true). */
  readonly articleText?: boolean;
}

/** The defaults of `renderHtml`. */
export const DEFAULT_HTML_OPTIONS: Readonly<Required<RenderHtmlOptions>> = Object.freeze({
  title: 'framelens report',
  fragment: false,
  maxEvidence: 120,
  articleText: true,
});

type Settings = Required<RenderHtmlOptions>;

/** How each option of `renderHtml` is checked. */
export const HTML_OPTION_RULES: Readonly<Record<keyof RenderHtmlOptions, OptionRule>> = Object.freeze({
  title: STRING_OPTION,
  fragment: BOOLEAN_OPTION,
  maxEvidence: integerOption(1),
  articleText: BOOLEAN_OPTION,
});

/** The options checked and over the defaults; an option given as undefined keeps its default. */
function settingsOf(options: unknown, base: Partial<Settings> = {}): Settings {
  checkRenderOptions(options, HTML_OPTION_RULES, 'RenderHtmlOptions');
  return { ...DEFAULT_HTML_OPTIONS, ...base, ...givenOptions(options as RenderHtmlOptions | undefined) };
}

/**
 * A self-contained HTML report: one file with inline CSS, no script and no external resource.
 * Per story: the comparison (naming table, similarity heatmap, quotes, metrics, terms, coverage),
 * an SVG chart of analyzer scores per article, and each article's text with its findings
 * highlighted by analyzer and boilerplate greyed. Every string from the report is escaped.
 *
 * @example
 * fs.writeFileSync('report.html', renderHtml(analyzeStories(stories)));
 */
export function renderHtml(report: FramelensReport, options: RenderHtmlOptions = {}): string {
  checkRenderedReport(report);
  const settings = settingsOf(options);
  const articles = report.stories.reduce((sum, story) => sum + story.articles.length, 0);
  const failed = report.failures.length + report.stories.reduce((sum, story) => sum + story.failures.length, 0);
  const body: string[] = [
    `<header><h1>${isolateHtml(settings.title)}</h1>`,
    `<p class="fl-lead">${plural(report.stories.length, 'story', 'stories')}, ${plural(articles, 'article')} analysed${failed > 0 ? `, <strong>${plural(failed, 'input')} failed</strong>` : ''}.</p></header>`,
  ];
  if (report.stories.length > 1) body.push(contents(report));
  report.stories.forEach((story, index) => body.push(storyHtml(story, index, settings)));
  if (report.failures.length > 0) body.push(`<section><h2>Inputs that failed</h2>${failureList(report.failures)}</section>`);
  return wrap(body.join('\n'), settings);
}

/**
 * One story as an HTML fragment (for notebooks): comparison, chart and highlighted articles.
 *
 * @example
 * renderStoryHtml(report.stories[0]);
 */
export function renderStoryHtml(story: StoryReport, options: RenderHtmlOptions = {}): string {
  checkRenderedPart(story, 'story');
  const settings = settingsOf(options, { fragment: true });
  return wrap(storyHtml(story, 0, settings), settings);
}

/**
 * One article's text with its findings highlighted, as an HTML fragment (for notebooks).
 *
 * @example
 * renderArticleHtml(report.stories[0].articles[0]);
 */
export function renderArticleHtml(article: ArticleReport, options: RenderHtmlOptions = {}): string {
  checkRenderedPart(article, 'article');
  const settings = settingsOf(options, { fragment: true });
  return wrap(`${legend()}${articleHtml(article, 'a0', settings, 2)}`, settings);
}

function wrap(body: string, settings: Settings): string {
  const root = `<div class="fl">\n<style>${REPORT_CSS}</style>\n${body}\n<footer>Made with framelens. Highlights show where each analyzer found a framing signal; hover or tap a highlight for its details.</footer>\n</div>`;
  if (settings.fragment) return root;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no fetch: the report needs nothing but its own inline styles.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(isolateText(settings.title))}</title>`,
    '</head>',
    '<body>',
    root,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function contents(report: FramelensReport): string {
  const items = report.stories.map((story, index) => `<li><a href="#s${index}">${isolateHtml(story.id)}</a> (${plural(story.articles.length, 'article')})</li>`);
  return `<nav class="fl-toc" aria-label="Stories"><h2>Stories</h2><ol>${items.join('')}</ol></nav>`;
}

function storyHtml(story: StoryReport, index: number, settings: Settings): string {
  const key = `s${index}`;
  const parts = [`<section class="fl-story" id="${key}">`, `<h2>Story: ${isolateHtml(story.id)}</h2>`];
  parts.push(articlesTable(story.articles, key));
  parts.push(comparisonHtml(story, { maxEvidence: settings.maxEvidence }));
  parts.push(`<section class="fl-part"><h3>Framing scores per article</h3>${scoreChart(story.articles)}${legend()}</section>`);
  if (story.failures.length > 0) parts.push(`<section class="fl-part"><h3>Inputs that failed</h3>${failureList(story.failures)}</section>`);
  if (settings.articleText && story.articles.length > 0) {
    parts.push('<section class="fl-part"><h3>Articles with findings highlighted</h3>');
    story.articles.forEach((article, articleIndex) => parts.push(articleHtml(article, `${key}a${articleIndex}`, settings, 4)));
    parts.push('</section>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function articlesTable(articles: readonly ArticleReport[], key: string): string {
  if (articles.length === 0) return '<p>No article of this story could be analysed.</p>';
  const rows = articles.map((article, index) => {
    const headline = articleHeadline(article) ?? '';
    const source = [article.meta.outlet, article.meta.date].filter((part): part is string => Boolean(part)).map(isolateHtml).join(', ');
    const framing = FRAMING_ANALYZERS.reduce((sum, id) => sum + article.counts[id], 0);
    return `<tr><th scope="row"><a href="#${key}a${index}">${isolateHtml(article.id)}</a></th><td>${isolateHtml(clip(headline, 120))}</td><td>${source}</td><td class="fl-num">${article.bodyTokens}</td><td class="fl-num">${framing}</td><td class="fl-num">${formatNumber(article.tone.comparative, 3)}</td></tr>`;
  });
  return `<div class="fl-scroll"><table><caption>Articles</caption><thead><tr><th scope="col">Article</th><th scope="col">Headline</th><th scope="col">Outlet</th><th scope="col">Body tokens</th><th scope="col">Framing findings</th><th scope="col">Tone per word</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The analyzer legend, coloured like the highlights and the chart. */
function legend(): string {
  const items = ANALYZER_IDS.map((id) => `<li><span class="fl-swatch fl-c-${id}" aria-hidden="true"></span>${escapeHtml(analyzerName(id))}</li>`);
  return `<ul class="fl-legend" aria-label="Analyzer colours">${items.join('')}<li><span class="fl-swatch fl-c-bp" aria-hidden="true"></span>Boilerplate</li><li class="fl-note">faint, dashed: context (quotations, credits, neutral reporting verbs), not scored</li></ul>`;
}

const CHART_WIDTH = 640;
const LABEL_WIDTH = 190;
const ROW_HEIGHT = 26;

/** Stacked horizontal bars: each article's framing scores (findings per 1,000 body tokens). */
function scoreChart(articles: readonly ArticleReport[]): string {
  if (articles.length === 0) return '';
  const totals = articles.map((article) => FRAMING_ANALYZERS.reduce((sum, id) => sum + article.scores[id], 0));
  const max = totals.reduce((most, total) => Math.max(most, total), -Infinity);
  if (!(max > 0)) return '<p>No framing findings in these articles.</p>';
  const barWidth = CHART_WIDTH - LABEL_WIDTH - 60;
  const height = articles.length * ROW_HEIGHT + 24;
  const rows = articles.map((article, index) => {
    const y = index * ROW_HEIGHT + 4;
    let x = LABEL_WIDTH;
    const rects = FRAMING_ANALYZERS.filter((id) => article.scores[id] > 0).map((id) => {
      const width = (article.scores[id] / max) * barWidth;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(width, 0.5).toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${ANALYZER_COLOURS[id]}"><title>${escapeHtml(`${isolateText(article.id)}: ${analyzerName(id)} ${formatNumber(article.scores[id])} per 1,000 tokens (${article.counts[id]})`)}</title></rect>`;
      x += width;
      return rect;
    });
    const label = `<text x="${LABEL_WIDTH - 8}" y="${y + ROW_HEIGHT / 2}" text-anchor="end" class="fl-axis">${escapeHtml(isolateText(clip(article.id, 26)))}</text>`;
    const value = `<text x="${(x + 6).toFixed(1)}" y="${y + ROW_HEIGHT / 2}" class="fl-axis">${formatNumber(totals[index]!, 1)}</text>`;
    return `<g>${label}${rects.join('')}${value}</g>`;
  });
  const axis = `<text x="${LABEL_WIDTH}" y="${height - 4}" class="fl-axis fl-note">framing findings per 1,000 body tokens</text>`;
  const summary = articles.map((article, index) => `${isolateText(article.id)}: ${formatNumber(totals[index]!, 1)}`).join('; ');
  return `<figure class="fl-chart"><svg viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${escapeHtml(`Framing scores per article. ${summary}`)}">${rows.join('')}${axis}</svg></figure>`;
}

/** A finding numbered within its article, for the highlights and the list below the text. */
interface Numbered {
  readonly finding: Finding;
  readonly n: number;
}

function articleHtml(article: ArticleReport, key: string, settings: Settings, level: number): string {
  // The text shows its own headline; a given title that the text lacks goes in the heading.
  const headline = article.meta.title;
  const meta = [article.meta.outlet, article.meta.date, article.meta.url, article.path].filter((part): part is string => Boolean(part));
  const numbered: Numbered[] = article.findings.map((finding, index) => ({ finding, n: index + 1 }));
  const heading = `<h${level}>${isolateHtml(article.id)}${headline ? `<span class="fl-headline">${isolateHtml(clip(headline, 140))}</span>` : ''}</h${level}>`;
  const sweep = createSweep(numbered);
  const paragraphs = article.blocks.map((block) => {
    const role = block.role === 'boilerplate' ? ` fl-bp" data-kind="${escapeHtml(isolateText(block.kind ?? 'other'))}` : block.role === 'headline' ? ' fl-hl' : '';
    return `<p class="fl-block${role}">${highlight(article.text, block.start, block.end, sweep, key)}</p>`;
  });
  const list = findingList(numbered, key, settings);
  return [
    `<article class="fl-article" id="${key}">`,
    heading,
    meta.length > 0 ? `<p class="fl-meta">${meta.map(isolateHtml).join(' · ')}</p>` : '',
    `<div class="fl-text">${paragraphs.join('\n')}</div>`,
    list,
    '</article>',
  ].join('\n');
}

/**
 * The findings of an article ordered by start and by end once, walked forward block by block:
 * `cuts` gives the finding boundaries inside a block, `covering` the findings over a run. Blocks come
 * in text order (checked with the report), so every cursor only moves forward and an article costs
 * O((text + findings) log findings), not blocks × findings.
 */
interface Sweep {
  /** The finding boundaries strictly inside (from, to), ascending, without repeats. */
  cuts(from: number, to: number): number[];
  /** The findings over [start, end), in report order, for runs visited in text order. */
  covering(start: number, end: number): Numbered[];
}

function createSweep(numbered: readonly Numbered[]): Sweep {
  const byStart = numbered.map((_, index) => index).sort((a, b) => numbered[a]!.finding.start - numbered[b]!.finding.start || a - b);
  const byEnd = numbered.map((_, index) => index).sort((a, b) => numbered[a]!.finding.end - numbered[b]!.finding.end || a - b);
  let startCut = 0;
  let endCut = 0;
  let opened = 0;
  let closed = 0;
  const active = new Set<number>();
  const inside = (order: readonly number[], at: number, field: 'start' | 'end', from: number, to: number, out: number[]): number => {
    let cursor = at;
    while (cursor < order.length && numbered[order[cursor]!]!.finding[field] <= from) cursor++;
    while (cursor < order.length && numbered[order[cursor]!]!.finding[field] < to) out.push(numbered[order[cursor++]!]!.finding[field]);
    return cursor;
  };
  return {
    cuts(from, to) {
      const starts: number[] = [];
      const ends: number[] = [];
      startCut = inside(byStart, startCut, 'start', from, to, starts);
      endCut = inside(byEnd, endCut, 'end', from, to, ends);
      return mergeAscending(starts, ends);
    },
    covering(start, end) {
      // Runs have no finding boundary inside them, so a finding covers [start, end) exactly when it
      // has begun at `start` and not yet ended there.
      while (opened < byStart.length && numbered[byStart[opened]!]!.finding.start <= start) {
        const index = byStart[opened++]!;
        if (numbered[index]!.finding.end > start) active.add(index);
      }
      while (closed < byEnd.length && numbered[byEnd[closed]!]!.finding.end <= start) active.delete(byEnd[closed++]!);
      if (active.size === 0 || end <= start) return [];
      return [...active].sort((a, b) => a - b).map((index) => numbered[index]!);
    },
  };
}

/** Two ascending lists as one, each value once. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/**
 * The text of [from, to) with findings marked. The text is cut at every finding boundary, so
 * overlapping findings become runs each covered by a known set of findings; a run takes the colour
 * of its shortest (most specific) finding and lists all of them in its note.
 */
function highlight(text: string, from: number, to: number, sweep: Sweep, key: string): string {
  const points = [from, ...sweep.cuts(from, to), to];
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const piece = escapeHtml(text.slice(start, end));
    const covering = sweep.covering(start, end);
    if (covering.length === 0) {
      out.push(piece);
      continue;
    }
    // The first of the shortest, analyzers in their report order breaking ties.
    const primary = covering.reduce((best, candidate) => (span(candidate) - span(best) || ANALYZER_IDS.indexOf(candidate.finding.analyzer) - ANALYZER_IDS.indexOf(best.finding.analyzer)) < 0 ? candidate : best);
    const analyzers = new Set<AnalyzerId>(covering.map(({ finding }) => finding.analyzer));
    const classes = ['fl-m', `fl-c-${primary.finding.analyzer}`];
    if (analyzers.has('quote') && primary.finding.analyzer !== 'quote') classes.push('fl-inq');
    if (covering.length > 1) classes.push('fl-multi');
    if (covering.every(({ finding }) => finding.boilerplate)) classes.push('fl-mbp');
    if (!isFramingFinding(primary.finding)) classes.push('fl-ctx');
    const tip = covering.map(({ finding, n }) => `${n}. ${analyzerName(finding.analyzer)}: ${describeFinding(finding)}`).join('\n');
    const ends = covering.filter(({ finding }) => finding.end === end).map(({ n }) => `<a class="fl-ref" href="#${key}f${n}">${n}</a>`);
    out.push(`<mark class="${classes.join(' ')}" tabindex="0" data-tip="${escapeHtml(tip)}">${piece}</mark>${ends.length > 0 ? `<sup>${ends.join(',')}</sup>` : ''}`);
  }
  return out.join('');
}

function span({ finding }: Numbered): number {
  return finding.end - finding.start;
}

function findingList(numbered: readonly Numbered[], key: string, settings: Settings): string {
  if (numbered.length === 0) return '<p class="fl-note">No findings in this article.</p>';
  const items = numbered.map(({ finding, n }) => {
    const where = finding.boilerplate ? ' <span class="fl-note">(boilerplate, not counted)</span>' : '';
    return `<li id="${key}f${n}" value="${n}"><span class="fl-swatch fl-c-${finding.analyzer}" aria-hidden="true"></span><strong>${escapeHtml(analyzerName(finding.analyzer))}</strong> <q>${isolateHtml(clip(finding.text, settings.maxEvidence))}</q> — ${escapeHtml(describeFinding(finding))} <span class="fl-note">${finding.start}–${finding.end}</span>${where}</li>`;
  });
  return `<details class="fl-findings" open><summary>${plural(numbered.length, 'finding')}</summary><ol>${items.join('')}</ol></details>`;
}

function failureList(failures: readonly InputFailure[]): string {
  return `<ul class="fl-failures">${failures.map((failure) => `<li><code>${isolateHtml(failure.code)}</code> ${isolateHtml(failure.message)}</li>`).join('')}</ul>`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
