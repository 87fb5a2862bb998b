import fc from 'fast-check';
import { findLines } from '../src/article';
import { analyzeStory } from '../src/analyze';
import { BOILERPLATE_KINDS, BOILERPLATE_PHRASES, classifyBlocks, findRecurringLines, lineKey, type ClassifyBlocksOptions } from '../src/boilerplate';

/** Each line of the text with the role (and kind) the classifier gives it. */
function roles(lines: readonly string[], options?: ClassifyBlocksOptions): string[] {
  const text = lines.join('\n');
  const spans = findLines(text);
  return classifyBlocks(text, spans, options).map((result, index) => `${result.role}${result.kind ? `/${result.kind}` : ''} ${text.slice(spans[index]!.start, spans[index]!.end)}`);
}

function roleOf(lines: readonly string[], line: string, options?: ClassifyBlocksOptions): string {
  const found = roles(lines, options).find((entry) => entry.endsWith(` ${line}`));
  if (!found) throw new Error(`no line ${line}`);
  return found.slice(0, found.length - line.length - 1);
}

function ruleOf(lines: readonly string[], line: string, options?: ClassifyBlocksOptions): string | undefined {
  const text = lines.join('\n');
  const spans = findLines(text);
  const index = spans.findIndex((span) => text.slice(span.start, span.end) === line);
  return classifyBlocks(text, spans, options)[index]?.rule;
}

// Paragraphs of reporting to surround the line under test.
const P1 = 'Israeli Defense Minister Benny Gantz and his Japanese counterpart Yasukazu Hamada signed a memorandum on defense cooperation in Tokyo on Tuesday, the ministry said.';
const P2 = 'The agreement will enable the two countries to widen defense, strategic and military exchanges, officials said after the ceremony at the ministry building.';
const P3 = 'Japan announced plans on Wednesday to increase its defense budget and develop longer-range missiles to counter threats in the region, according to the ministry.';
const P4 = 'The ministers also discussed the war in Ukraine and the nuclear program of Iran, which both governments described as a threat to regional stability.';
const TITLE = 'Israel and Japan sign defense pact in Tokyo';

describe('navigation', () => {
  test('a breadcrumb with separators is navigation', () => {
    expect(roleOf(['Home / News / Israel / Israel, Japan sign defense pact', TITLE, P1, P2], 'Home / News / Israel / Israel, Japan sign defense pact')).toBe('boilerplate/navigation');
  });

  test('a skip link and menu labels at the top of the page are navigation', () => {
    const page = ['Skip To Content', 'Politics', 'Opinion', TITLE, P1, P2];
    expect(roleOf(page, 'Skip To Content')).toBe('boilerplate/navigation');
    expect(roleOf(page, 'Opinion')).toBe('boilerplate/navigation');
  });

  test('a tagline in capitals above the title is set apart', () => {
    expect(roleOf(['JEWISH. INDEPENDENT. NONPROFIT.', TITLE, P1, P2], 'JEWISH. INDEPENDENT. NONPROFIT.')).toBe('boilerplate/navigation');
  });
});

describe('headline', () => {
  test('the title line before the first paragraph is the headline', () => {
    expect(roles([TITLE, P1, P2])[0]).toBe(`headline ${TITLE}`);
  });

  test('a sentence without a full stop between title and text is the standfirst, part of the headline', () => {
    const standfirst = 'The defense minister said the agreement is in line with the goal of a region free from coercion by any power';
    expect(ruleOf([TITLE, standfirst, P1, P2], standfirst)).toBe('standfirst');
    expect(roleOf([TITLE, standfirst, P1, P2], standfirst)).toBe('headline');
  });

  test('an article that opens with its first paragraph has no headline', () => {
    expect(roles([P1, P2]).every((entry) => entry.startsWith('body'))).toBe(true);
  });
});

describe('promotion and related content', () => {
  test('"Read next:" inside the article is promotion, the paragraphs around it stay body', () => {
    const page = [TITLE, P1, 'Read next: Children in Gaza hold vigil for peace', P2, P3];
    expect(roleOf(page, 'Read next: Children in Gaza hold vigil for peace')).toBe('boilerplate/promotion');
    expect(roleOf(page, P2)).toBe('body');
  });

  test('an advertisement slot between paragraphs is promotion', () => {
    expect(roleOf([P1, 'Advertisement', P2], 'Advertisement')).toBe('boilerplate/promotion');
  });

  test('teasers under a "Related Articles" heading are related content, blurbs included', () => {
    const blurb = 'This article was written by a guest contributor who chairs an advocacy fund in Washington and writes about the region.';
    const page = [P1, P2, 'Related Articles:', 'Peace through strength when it comes to Iran', blurb, 'The barbaric nature of Hamas on full display'];
    expect(roleOf(page, 'Related Articles:')).toBe('boilerplate/related');
    expect(roleOf(page, blurb)).toBe('boilerplate/related');
    expect(roleOf(page, 'The barbaric nature of Hamas on full display')).toBe('boilerplate/related');
  });

  test('the reporting resumes after a related box once two paragraphs follow', () => {
    const page = [P1, 'Related coverage', 'Gantz visits Washington', P2, P3];
    expect(roleOf(page, 'Gantz visits Washington')).toBe('boilerplate/related');
    expect(roleOf(page, P2)).toBe('body');
    expect(roleOf(page, P3)).toBe('body');
  });

  test('a numbered list under a "Most popular" heading is related content', () => {
    const page = [P1, P2, 'Most Popular', '1. Calculate Your Dog\'s Age With This New Formula', '2. The Accidental Invention of Play-Doh', '3. This Concrete Can Absorb a Flood'];
    expect(roleOf(page, '2. The Accidental Invention of Play-Doh')).toBe('boilerplate/related');
  });

  test('a teaser stamped with its age is related content', () => {
    expect(roleOf([P1, P2, 'Apple working on new media apps for Windows ~11 hours ago'], 'Apple working on new media apps for Windows ~11 hours ago')).toBe('boilerplate/related');
  });
});

describe('appeals and notices', () => {
  test('a newsletter prompt is subscription', () => {
    expect(roleOf([P1, P2, 'Sign up for our newsletter to get the latest news in your inbox.'], 'Sign up for our newsletter to get the latest news in your inbox.')).toBe('boilerplate/subscription');
  });

  test('a donation appeal is donation', () => {
    expect(roleOf([P1, P2, 'Readers like you make it all possible. Support our work.'], 'Readers like you make it all possible. Support our work.')).toBe('boilerplate/donation');
  });

  test('a republishing notice is republishing', () => {
    expect(roleOf([P1, P2, 'Republish This Story'], 'Republish This Story')).toBe('boilerplate/republishing');
  });

  test('cookie and browser notices are notices', () => {
    const page = [P1, P2, 'We use cookies to improve your experience on our site.', "We don't support Internet Explorer"];
    expect(roleOf(page, 'We use cookies to improve your experience on our site.')).toBe('boilerplate/notice');
    expect(roleOf(page, "We don't support Internet Explorer")).toBe('boilerplate/notice');
  });
});

describe('credits, copyright, bylines and datelines', () => {
  test('everything after "This article originally appeared on …" is boilerplate', () => {
    const appeal = 'At a time when other newsrooms are closing or cutting back, we have invested in our coverage of the region.';
    const page = [P1, P2, 'This article originally appeared on JTA.org.', appeal, 'Please use Chrome, Safari, Firefox, or Edge to view this site.'];
    expect(roleOf(page, 'This article originally appeared on JTA.org.')).toBe('boilerplate/credit');
    expect(roleOf(page, appeal).startsWith('boilerplate/')).toBe(true);
    expect(ruleOf(page, appeal)).toBe('after-credit');
  });

  test('a dash and an outlet name closing the article is a credit', () => {
    expect(roleOf([P1, P2, '–JNS.org'], '–JNS.org')).toBe('boilerplate/credit');
  });

  test('a copyright line is copyright', () => {
    expect(roleOf([P1, P2, '© PanOrient News All Rights Reserved.'], '© PanOrient News All Rights Reserved.')).toBe('boilerplate/copyright');
  });

  test('a byline and the outlet name above it are bylines, the date line a dateline', () => {
    const page = [TITLE, 'Wednesday, August 31, 2022', 'PanOrient News', 'By Khaldon Azhari', P1, P2];
    expect(roleOf(page, 'Wednesday, August 31, 2022')).toBe('boilerplate/dateline');
    expect(roleOf(page, 'PanOrient News')).toBe('boilerplate/byline');
    expect(roleOf(page, 'By Khaldon Azhari')).toBe('boilerplate/byline');
    expect(roleOf(page, TITLE)).toBe('headline');
  });

  test('a caption ending in a picture credit is a caption', () => {
    const caption = 'Defense ministers shake hands in Tokyo on Tuesday (AP Photo/Eugene Hoshiko)';
    expect(roleOf([P1, caption, P2], caption)).toBe('boilerplate/caption');
  });
});

describe('share buttons and comments', () => {
  test('lone "X" lines after the article are share buttons', () => {
    expect(roles([P1, P2, 'X', 'X']).slice(2)).toEqual(['boilerplate/share X', 'boilerplate/share X']);
  });

  test('a comments heading after the article sets apart the readers\' posts below it', () => {
    const comment = 'I think this agreement is long overdue and both countries will benefit from the technology exchange in the years ahead.';
    const page = [P1, P2, P3, '3 Comments', 'Jane Doe on March 3, 2019 at 4:12 pm said:', comment];
    expect(roleOf(page, '3 Comments')).toBe('boilerplate/comments');
    expect(roleOf(page, comment)).toBe('boilerplate/comments');
  });
});

describe('article text that looks like boilerplate stays body', () => {
  test('a text with no line long enough to be a paragraph is read as the article: its sentences are body', () => {
    expect(roles(['Officials said the talks would resume.'])).toEqual(['body Officials said the talks would resume.']);
    expect(ruleOf(['The talks were not good.'], 'The talks were not good.')).toBe('sentence-without-paragraph');
    expect(roles(['Israeli security minister Benny Gantz met Japanese counterpart Yasukazu Hamada in Tokyo, Japan.', '“No.”'])).toEqual([
      'body Israeli security minister Benny Gantz met Japanese counterpart Yasukazu Hamada in Tokyo, Japan.',
      'body “No.”',
    ]);
  });

  test('a headline on its own is a headline, not page furniture', () => {
    expect(roles(["Japan, 'Israel' agree on military collaboration"])).toEqual(["headline Japan, 'Israel' agree on military collaboration"]);
    expect(roles(['Breaking', 'Japan, Israel ink military pact'])).toEqual(['boilerplate/navigation Breaking', 'headline Japan, Israel ink military pact']);
    expect(roles(['Subscribe to our newsletter'])).toEqual(['boilerplate/subscription Subscribe to our newsletter']);
    // A page of nothing but furniture has no headline: a line of capitalised words is a menu.
    expect(roles(['Home News Sport World Business', 'Privacy Policy Terms Of Use', 'Follow Us On Twitter']).every((line) => line.startsWith('boilerplate'))).toBe(true);
  });

  test('in a text with no paragraph, lines a boilerplate rule names and title-like lines stay apart', () => {
    const page = ['Home / World / Asia', 'Japan And Israel Sign Defense Pact', 'Gantz met Hamada in Tokyo.', 'Sign up for our newsletter'];
    expect(roles(page)).toEqual(['boilerplate/navigation Home / World / Asia', 'headline Japan And Israel Sign Defense Pact', 'body Gantz met Hamada in Tokyo.', 'boilerplate/subscription Sign up for our newsletter']);
  });

  test('a one-word quoted answer between paragraphs is body', () => {
    expect(roleOf([P1, 'Asked whether the pact was aimed at China, the minister replied:', '“No.”', P2], '“No.”')).toBe('body');
  });

  test('a short paragraph of reporting is body', () => {
    expect(roleOf([P1, 'Gantz arrived on Monday.', P2], 'Gantz arrived on Monday.')).toBe('body');
  });

  test('a short quoted line is body', () => {
    expect(roleOf([P1, P2, '“We will not stop,” he said.', P3], '“We will not stop,” he said.')).toBe('body');
  });

  test('a sentence opening with "By" and a capitalised word is not a byline', () => {
    expect(roleOf([P1, 'By Tuesday, the ministers had agreed on a text.', P2], 'By Tuesday, the ministers had agreed on a text.')).toBe('body');
  });

  test('a sentence opening with "Published" is not a dateline', () => {
    expect(roleOf([P1, 'Published reports said the deal was close.', P2], 'Published reports said the deal was close.')).toBe('body');
  });

  test('a long paragraph that mentions a newsletter is body', () => {
    const paragraph = 'The ministry said in its weekly newsletter that the two countries would hold joint exercises next year, the first since the end of the Second World War, and that officials from both sides would meet in Tel Aviv in the spring.';
    expect(roleOf([P1, paragraph, P2], paragraph)).toBe('body');
  });

  test('a numbered list right under a paragraph that introduces it is the article\'s own', () => {
    const page = [P1, 'Here are the deals not to miss this week on Amazon:', '1) Lego Star Wars 75188 Resistance Bomber', 'http://amzn.to/2iJFhRj', '2) Polistil 960574 Electric Race Track', 'http://amzn.to/2hZfWFJ', '3) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)', 'Skip to content'];
    expect(roleOf(page, '2) Polistil 960574 Electric Race Track')).toBe('body');
    expect(roleOf(page, 'http://amzn.to/2hZfWFJ')).toBe('body');
    expect(roleOf(page, 'Skip to content')).toBe('boilerplate/navigation');
  });

  test('a list inside the article keeps its items', () => {
    const page = [P1, 'The memorandum covers three areas:', 'Exchanges between defense officials', 'Joint research on cyber defense', 'Training of military personnel', P2];
    expect(roleOf(page, 'Joint research on cyber defense')).toBe('body');
  });
});

describe('pages in other languages keep their text', () => {
  test('German paragraphs are body', () => {
    const de = ['Israel und Japan unterzeichnen Verteidigungsabkommen', 'Der israelische Verteidigungsminister Benny Gantz und sein japanischer Amtskollege haben am Dienstag in Tokio eine Vereinbarung über die Zusammenarbeit unterzeichnet.', 'Die beiden Länder wollen den Austausch von Technologie und Informationen ausbauen, wie das Ministerium mitteilte.'];
    expect(roles(de).slice(1).every((entry) => entry.startsWith('body'))).toBe(true);
  });

  test('Russian paragraphs are body', () => {
    const ru = ['Министр обороны Израиля Бенни Ганц и его японский коллега подписали во вторник в Токио меморандум о сотрудничестве в области обороны.', 'По словам министров, соглашение позволит расширить обмен технологиями и информацией между двумя странами.'];
    expect(roles(ru).every((entry) => entry.startsWith('body'))).toBe(true);
  });

  test('Korean and Japanese paragraphs, written without case, are body', () => {
    const ko = '이스라엘 국방장관은 화요일 도쿄에서 일본 측과 방위 협력에 관한 양해각서에 서명했다. 양국은 기술 교류를 확대하기로 했다.';
    const ja = 'イスラエルのガンツ国防相は火曜日、東京で浜田防衛相と防衛協力に関する覚書に署名した。両国は技術協力を拡大する。';
    expect(roles([ko, ja]).every((entry) => entry.startsWith('body'))).toBe(true);
  });
});

describe('options', () => {
  test('a user phrase marks lines of its kind and names itself as the rule', () => {
    const page = [P1, 'Become a Patron of the Gazette today', P2];
    const options: ClassifyBlocksOptions = { phrases: [{ phrase: 'Patron of the Gazette', kind: 'donation' }] };
    expect(roleOf(page, 'Become a Patron of the Gazette today', options)).toBe('boilerplate/donation');
    expect(ruleOf(page, 'Become a Patron of the Gazette today', options)).toBe('user-phrase:patron of the gazette');
  });

  test('forced roles win over every rule', () => {
    const page = ['Home / News / Israel / Pact', P1, P2];
    const forced = classifyBlocks(page.join('\n'), findLines(page.join('\n')), { forceRoles: { 0: 'body', 2: 'boilerplate' } });
    expect(forced[0]).toEqual({ role: 'body', rule: 'forced' });
    expect(forced[2]).toEqual({ role: 'boilerplate', kind: 'other', rule: 'forced' });
  });

  test('an unknown kind in a user phrase is an error', () => {
    expect(() => classifyBlocks('x', findLines('x'), { phrases: [{ phrase: 'x', kind: 'nonsense' as never }] })).toThrow(/unknown boilerplate kind/);
  });
});

describe('lines recurring across articles', () => {
  const footer = 'Our journalism is funded by readers and published under the terms of our editorial charter, which you can read on our site.';

  test('a line that recurs in two articles of one outlet is boilerplate in both', () => {
    const a = [P1, P2, footer].join('\n');
    const b = [P3, P4, footer].join('\n');
    const sets = findRecurringLines([{ text: a, meta: { outlet: 'Example News' } }, { text: b, meta: { outlet: 'Example News' } }]);
    expect(sets[0]!.has(lineKey(footer))).toBe(true);
    expect(roleOf([P1, P2, footer], footer, { recurring: sets[0]! })).toBe('boilerplate/other');
    expect(ruleOf([P1, P2, footer], footer, { recurring: sets[0]! })).toBe('recurring');
  });

  test('analyzeStory sets apart a line the outlet repeats in its articles', () => {
    const story = analyzeStory({
      id: 'outlet',
      articles: [
        { text: [P1, P2, footer].join('\n'), meta: { id: 'a', outlet: 'Example News' } },
        { text: [P3, P4, footer].join('\n'), meta: { id: 'b', outlet: 'Example News' } },
      ],
    });
    for (const article of story.articles) {
      expect(article.blocks[2]).toMatchObject({ role: 'boilerplate', kind: 'other', rule: 'recurring' });
      expect(article.blocks[0]!.role).toBe('body');
    }
  });

  test('a paragraph shared by two outlets is syndication, not furniture', () => {
    const sets = findRecurringLines([{ text: [P1, P2].join('\n'), meta: { outlet: 'A' } }, { text: [P1, P3].join('\n'), meta: { url: 'https://b.example/news/1' } }]);
    expect(sets[0]!.has(lineKey(P1))).toBe(false);
  });

  test('a short line repeated across outlets is furniture', () => {
    const sets = findRecurringLines([{ text: [P1, 'Share this article'].join('\n') }, { text: [P2, 'Share  this article'].join('\n') }, undefined]);
    expect(sets[0]!.has(lineKey('Share this article'))).toBe(true);
    expect(sets[2]).toBeUndefined();
  });
});

describe('the phrase families', () => {
  test('ids are unique and every entry has a kind, a note and a source', () => {
    const ids = BOILERPLATE_PHRASES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of BOILERPLATE_PHRASES) {
      expect(BOILERPLATE_KINDS).toContain(entry.kind);
      expect(entry.note.length).toBeGreaterThan(0);
      expect(entry.source.length).toBeGreaterThan(0);
    }
  });

  test('terms are lower case with single spaces, as lines are matched', () => {
    for (const entry of BOILERPLATE_PHRASES) for (const term of entry.terms) expect(term).toBe(term.toLowerCase().replace(/\s+/g, ' ').trim());
  });
});

describe('properties', () => {
  const line = fc.oneof(
    fc.constantFrom(P1, P2, 'X', 'Advertisement', 'By Jane Doe', '© 2024 Example', '“No.”', 'Related Articles:', 'constructor', '__proto__'),
    fc.string({ maxLength: 80 }).map((value) => value.replace(/[\r\n\u2028\u2029]/g, ' ')),
  );

  test('one classification per line, deterministic, boilerplate always with kind and rule', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        const spans = findLines(text);
        const first = classifyBlocks(text, spans);
        expect(first).toHaveLength(spans.length);
        expect(classifyBlocks(text, spans)).toEqual(first);
        for (const result of first) {
          if (result.role === 'boilerplate') {
            expect(BOILERPLATE_KINDS).toContain(result.kind);
            expect(result.rule).toBeTruthy();
          }
        }
      }),
    );
  });

  test('empty text yields nothing', () => {
    expect(classifyBlocks('', [])).toEqual([]);
  });
});
