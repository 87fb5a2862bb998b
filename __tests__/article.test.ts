import { readArticle, findQuotes, findLines } from '../src/article';
import { isFramelensError } from '../src/errors';
import { seedText } from './helpers/corpus';
import { lexemesOf, lowerForm } from '../src/lexeme';

describe('readArticle', () => {
  test('keeps the text verbatim and every token slices to its value', () => {
    const text = seedText('001');
    const article = readArticle(text, { id: '001' });
    expect(article.text).toBe(text);
    for (const token of article.tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
  });

  test("each token's lower form and lexeme come from its own value, whatever was read before", () => {
    // Lexemes are found by wink's id of a token's string: a wrong id would give a token another word's form.
    const texts = ['000', '001', '002', '003', '004'].map(seedText);
    texts.push('ISRAEL’S Defense MINISTER, israel’s defence minister. Can’t won’t!');
    for (const text of [...texts, ...texts.reverse()]) {
      const tokens = readArticle(text).tokens;
      const lexemes = lexemesOf(tokens);
      tokens.forEach((token, index) => {
        const lower = token.value.toLowerCase().replace(/\u2019/g, "'");
        expect(token.lower).toBe(lower);
        expect(lexemes[index]!.lower).toBe(lower);
      });
    }
    expect(lowerForm('Israel’s')).toBe("israel's");
  });

  test('a headline on its own line does not merge into the next sentence', () => {
    const article = readArticle(seedText('000'), { id: '000' });
    const first = article.sentences[0]!;
    expect(article.text.slice(first.start, first.end)).toBe("Japan, 'Israel' agree on military collaboration");
  });

  test('sentences never cross blocks', () => {
    const article = readArticle(seedText('004'), { id: '004' });
    for (const sentence of article.sentences) {
      const block = article.blocks[sentence.block]!;
      expect(sentence.start).toBeGreaterThanOrEqual(block.start);
      expect(sentence.end).toBeLessThanOrEqual(block.end);
    }
  });

  test('a leading byte-order mark is dropped before indexing', () => {
    const article = readArticle('\uFEFFIsrael and Japan signed a pact.', { id: 'bom' });
    expect(article.text).toBe('Israel and Japan signed a pact.');
    expect(article.tokens[0]).toMatchObject({ start: 0, end: 6, value: 'Israel' });
  });

  test('CRLF, no-break spaces and zero-width characters keep offsets', () => {
    const text = 'First line here.\r\nGantz\u00a0said\u200b “yes”.\r\n';
    const article = readArticle(text, { id: 'crlf' });
    expect(article.blocks.map((block) => text.slice(block.start, block.end))).toEqual(['First line here.', 'Gantz\u00a0said\u200b “yes”.']);
    for (const token of article.tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
  });

  test('tokens do not depend on the texts read before (wink learns unknown words)', () => {
    const text = 'Israel’s new ally, Xylofrabn’s drones: Xylofrabn’s and Israel’s.';
    const values = (): string[] => readArticle(text).tokens.map((token) => token.value);
    const fresh = values();
    // Once wink has met these words whole, it would keep them whole instead of splitting the clitic.
    readArticle('body.Israel’s and body.Xylofrabn’s, Xylofrabn’s');
    expect(values()).toEqual(fresh);
    expect(fresh).toContain('’s');
    expect(fresh.filter((value) => value === 'Xylofrabn')).toHaveLength(2);
  });

  test('empty text is a typed error', () => {
    expect.assertions(2);
    try {
      readArticle('  \n\t ', { id: 'blank' });
    } catch (error) {
      expect(isFramelensError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'empty-text', input: 'blank' });
    }
  });
});

describe('findQuotes', () => {
  const quotesOf = (text: string) => findQuotes(text, findLines(text)).map((quote) => text.slice(quote.start, quote.end));

  test('straight single quotes around a name are a quotation', () => {
    expect(quotesOf("Japan, 'Israel' agree on military collaboration")).toEqual(["'Israel'"]);
  });

  test('apostrophes inside words and before decades are not quote marks', () => {
    expect(quotesOf('Israel’s program, Iran\'s aims and the \'90s were discussed.')).toEqual([]);
  });

  test('a single-quoted term inside a double quotation is nested', () => {
    const text = '“In Israel, our troops serve in the ‘Israeli Defense Forces – IDF’ – because,” said Gantz.';
    const quotes = findQuotes(text, findLines(text));
    expect(quotes.map((quote) => [text.slice(quote.start, quote.end), quote.depth])).toEqual([
      ['“In Israel, our troops serve in the ‘Israeli Defense Forces – IDF’ – because,”', 0],
      ['‘Israeli Defense Forces – IDF’', 1],
    ]);
    expect(quotes[1]!.parent).toBe(0);
  });

  test('an unclosed quotation runs to the end of its line and is marked unclosed', () => {
    const text = 'He said to Trump: “You are talking tonight about the United States...\nNext line.';
    const [quote] = findQuotes(text, findLines(text));
    expect(quote).toMatchObject({ closed: false, end: text.indexOf('\n') });
  });
});
