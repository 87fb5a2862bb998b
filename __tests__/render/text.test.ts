import { renderText } from '../../src/render/text';
import { articleWith, findingAt, hostileStory } from './fixture';

describe('renderText on terminal escapes', () => {
  test('escape sequences and direction controls from ids, file names and text are shown, not sent', () => {
    const text = 'Officials \x1b[2J met\nThe deal \u202Ereportedly held.\x9b';
    const hedge = findingAt(text, { start: text.indexOf('\u202E'), end: text.indexOf(' held') }, { analyzer: 'hedge', term: 'reportedly', category: 'hedge' });
    const article = { ...articleWith('id\x1b]0;pwned\x07', text, [hedge]), path: 'dir/\x1b[31mred.txt' };
    const out = renderText({ schemaVersion: 1, stories: [{ ...hostileStory(), id: 'story\u2066', articles: [article] }], failures: [{ code: 'unreadable-path', message: 'x\x1bc: missing' }] });
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain('Story story\\u2066:');
    expect(out).toContain('## id\\x1b]0;pwned\\x07  (dir/\\x1b[31mred.txt)');
    expect(out).toContain('headline: Officials \\x1b[2J met');
    expect(out).toContain('"\\u202ereportedly"');
    expect(out).toContain('unreadable-path: x\\x1bc: missing');
  });

  test('line breaks and tabs stay', () => {
    const article = articleWith('tab\tid', 'Officials met\nThe deal held.', []);
    const out = renderText({ schemaVersion: 1, stories: [{ ...hostileStory(), articles: [article] }], failures: [] });
    expect(out).toContain('## tab\tid');
    expect(out.split('\n').length).toBeGreaterThan(3);
  });
});
