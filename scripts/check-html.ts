/**
 * Open the HTML report of the seed story, plus a story with a hostile article, in Debian's headless
 * Chromium and fail on: a console error or page error, any request the page makes (the report is
 * self-contained), a script or image element, script from article text running, or a page wider than
 * a phone screen. Saves screenshots (laptop, phone) and a PDF to test-output/.
 *
 *   npx tsx scripts/check-html.ts            # check
 *   npx tsx scripts/check-html.ts --docs     # also refresh docs/report.png for the README
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzeStories, renderHtml, type StoryInput } from '../src/index';

// The callbacks given to page.evaluate run in the browser; the project's types are Node's.
declare const window: Record<string, unknown>;
declare const document: { querySelectorAll(selector: string): ArrayLike<BrowserElement> & Iterable<BrowserElement>; body: BrowserElement & { innerText: string }; documentElement: { scrollWidth: number; scrollHeight: number } };
declare function getComputedStyle(element: unknown): { display: string };
interface DocsElement {
  querySelector(selector: string): { textContent: string | null } | null;
  remove(): void;
}
interface BrowserElement {
  readonly attributes: Iterable<{ readonly name: string }>;
  getAttribute(name: string): string | null;
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const OUT = join(ROOT, 'test-output');
const CORPUS = join(ROOT, 'corpus');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Every payload sets the same flag if it ever runs.
const FLAG = '__framelensPwned';
const HOSTILE_TEXT = [
  `Officials <script>window.${FLAG} = "script"</script> "welcome" the 'historic' deal`,
  `The minister reportedly claimed the <img src=x onerror="window.${FLAG}='img'"> regime's 'victory' was a "massive" success.`,
  `"We will <svg onload=window.${FLAG}='svg'> never agree," said the so-called spokesman, according to <a href="javascript:window.${FLAG}='link'">state media</a>.`,
  `Read more: </mark></p><style>body{display:none}</style><iframe src="https://example.com/"></iframe> & co.`,
].join('\n');

function seedStory(): StoryInput {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort();
  return {
    id: 'japan-israel-defense-memorandum-2022-08-30',
    articles: files.map((name) => ({ text: readFileSync(join(CORPUS, name), 'utf8'), meta: { id: name.replace(/\.txt$/, ''), path: `corpus/${name}` } })),
  };
}

function hostileStory(): StoryInput {
  return {
    id: `hostile <script>window.${FLAG}="story"</script>`,
    articles: [
      { text: HOSTILE_TEXT, meta: { id: `hostile-<img src=x onerror="window.${FLAG}='id'">`, outlet: `<b onmouseover="window.${FLAG}='outlet'">Outlet</b>`, title: '<script>alert(1)</script>' } },
      { text: 'The minister welcomed the deal.\nOfficials said the deal was "historic" and would hold.', meta: { id: 'plain' } },
    ],
  };
}

interface Problems {
  readonly list: string[];
}

async function watch(page: Page, problems: Problems, pageUrl: string): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.list.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    problems.list.push(`request: ${url}`);
    return route.abort();
  });
}

/**
 * docs/report.png for the README: the seed story's naming table, score chart and first article,
 * with the note of one highlight open. Other sections are removed from this copy of the page only.
 */
async function screenshotForDocs(browser: Browser, problems: Problems): Promise<void> {
  const file = join(OUT, 'report-docs.html');
  writeFileSync(file, renderHtml(analyzeStories([seedStory()]), { title: 'framelens: five outlets, one defense memorandum' }));
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 940, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await watch(page, problems, url);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => {
    const keep = new Set(['Naming', 'Framing scores per article', 'Articles with findings highlighted']);
    for (const part of [...document.querySelectorAll('.fl-story > section.fl-part, .fl-story > .fl-scroll')] as unknown as DocsElement[]) {
      const heading = part.querySelector('h3')?.textContent ?? '';
      if (!keep.has(heading)) part.remove();
    }
    const extras = 'article.fl-article ~ article.fl-article, details.fl-findings, footer, .fl-story > h2 ~ p.fl-note, .fl-part .fl-note, .fl-part > h4, .fl-part > h4 + ul';
    for (const extra of [...document.querySelectorAll(extras)] as unknown as DocsElement[]) extra.remove();
    // Of the naming table, the actors the articles name differently.
    for (const row of [...document.querySelectorAll('.fl-part tbody tr')] as unknown as DocsElement[]) if (!row.querySelector('td.fl-diff')) row.remove();
  });
  const mark = page.locator('mark.fl-c-label').first();
  if ((await mark.count()) > 0) {
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
  }
  const height = await page.evaluate(() => Math.min(document.documentElement.scrollHeight, 1380));
  await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), clip: { x: 0, y: 0, width: 940, height }, fullPage: true });
  await context.close();
}

async function main(): Promise<void> {
  const docs = process.argv.includes('--docs');
  mkdirSync(OUT, { recursive: true });
  const report = analyzeStories([seedStory(), hostileStory()]);
  const html = renderHtml(report, { title: 'framelens: Japan and Israel sign a defense memorandum' });
  const file = join(OUT, 'report.html');
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;

  const problems: Problems = { list: [] };
  if (/<script\b/i.test(html)) problems.list.push('the HTML holds a <script> element');
  if (/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html)) problems.list.push('the HTML references an external resource');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    const page = await context.newPage();
    await watch(page, problems, url);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);

    const state = await page.evaluate((flag) => ({
      flag: window[flag],
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img, iframe, svg image, object, embed').length,
      handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
      links: [...document.querySelectorAll('a[href]')].map((anchor) => anchor.getAttribute('href') ?? '').filter((href) => !href.startsWith('#')),
      text: document.body.innerText,
      marks: document.querySelectorAll('mark.fl-m').length,
      articles: document.querySelectorAll('article.fl-article').length,
      charts: document.querySelectorAll('.fl-chart svg').length,
      visible: getComputedStyle(document.body).display !== 'none',
    }), FLAG);
    if (state.flag !== undefined) problems.list.push(`a script from article text ran: ${String(state.flag)}`);
    if (state.scripts > 0) problems.list.push(`${state.scripts} script element(s) in the page`);
    if (state.images > 0) problems.list.push(`${state.images} image, frame or object element(s) in the page`);
    if (state.handlers > 0) problems.list.push(`${state.handlers} element(s) with an on* event handler attribute`);
    if (state.links.length > 0) problems.list.push(`links out of the page: ${state.links.join(', ')}`);
    if (!state.visible) problems.list.push('article text restyled the page (body hidden)');
    for (const needle of ['<script>window.', '<img src=x onerror=', '<svg onload=', '<iframe src=']) {
      if (!state.text.includes(needle)) problems.list.push(`the hostile text "${needle}" is not shown as text`);
    }
    if (state.articles !== report.stories.reduce((sum, story) => sum + story.articles.length, 0)) problems.list.push(`expected every article in the page, found ${state.articles}`);

    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(OUT, 'report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    const phone = await context.browser()!.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    await watch(phonePage, problems, url);
    await phonePage.goto(url, { waitUntil: 'load' });
    const width = await phonePage.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390 + 1) problems.list.push(`the page is ${width}px wide on a 390px phone screen`);
    // A tapped highlight opens its note; the note must not widen the page either.
    await phonePage
      .locator('#s0a0 mark.fl-m')
      .first()
      .tap({ timeout: 5000 })
      .catch((error: Error) => problems.list.push(`cannot tap a highlight on a phone: ${error.message.split('\n')[0]}`));
    const tapped = await phonePage.evaluate(() => document.documentElement.scrollWidth);
    if (tapped > 390 + 1) problems.list.push(`a highlight's note makes the page ${tapped}px wide on a phone`);
    await phonePage.screenshot({ path: join(OUT, 'report-phone.png'), fullPage: false });

    if (docs) await screenshotForDocs(browser, problems);

    console.log(`check-html: ${state.articles} articles, ${state.marks} highlighted runs, ${state.charts} chart(s); screenshots and PDF in test-output/`);
  } finally {
    await browser.close();
  }
  if (problems.list.length > 0) {
    console.error(`check-html: ${problems.list.length} problem(s):\n  ${problems.list.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
