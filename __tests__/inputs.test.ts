import fc from 'fast-check';
import { FramelensError, isFramelensError } from '../src/errors';
import { constants } from 'node:buffer';
import { DEFAULT_MAX_LENGTH } from '../src/article';
import { decodeJsonLines, decodeText, firstInvalidUtf8, idFromPath, isStringTooLong, MAX_INPUT_BYTES, parseJsonLine, parseJsonLines, validateActors } from '../src/inputs';

const bytes = (...values: number[]) => Uint8Array.from(values);

function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isFramelensError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('decodeText', () => {
  test('decodes UTF-8 and keeps a byte-order mark for readArticle to drop', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9), 'a.txt')).toBe('\uFEFFaé');
  });

  test('a NUL byte is binary-content with its offset', () => {
    const error = (() => {
      try {
        decodeText(bytes(0x61, 0x62, 0x00), 'x.bin');
      } catch (e) {
        return e as FramelensError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'binary-content', input: 'x.bin' });
    expect(error!.message).toContain('byte 2');
  });

  test('UTF-16 text is refused as binary rather than read as garbage', () => {
    expect(codeOf(() => decodeText(Buffer.from('\uFEFFhello', 'utf16le'), 'u16.txt'))).toBe('binary-content');
  });

  test.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong encoding', [0x61, 0x62, 0xc0, 0xaf], 2],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point past U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80], 1],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ])('%s is invalid-utf8 at its byte offset', (_name, values, offset) => {
    let error: unknown;
    try {
      decodeText(Uint8Array.from(values), 'bad.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-utf8', input: 'bad.txt' });
    expect((error as Error).message).toBe(`bad.txt: invalid UTF-8 at byte ${offset}`);
    expect(firstInvalidUtf8(Uint8Array.from(values))).toBe(offset);
  });

  test('firstInvalidUtf8 agrees with the platform decoder on random bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (input) => {
        let valid = true;
        try {
          decoder.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) === -1).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  test('firstInvalidUtf8 finds the bad byte spliced into valid text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff), (text, bad) => {
        const valid = Buffer.from(text, 'utf8');
        expect(firstInvalidUtf8(valid)).toBe(-1);
        expect(firstInvalidUtf8(Buffer.concat([valid, Uint8Array.of(bad)]))).toBe(valid.length);
      }),
      { numRuns: 100 },
    );
  });

  test('a text over the byte limit is text-too-large, naming the input and the limit', () => {
    expect(() => decodeText(Buffer.from('Gantz met Hamada.'), 'long.txt', 16)).toThrow(expect.objectContaining({ code: 'text-too-large', input: 'long.txt', message: 'long.txt: the text has 17 bytes, more than the limit of 16' }));
    expect(decodeText(Buffer.from('Gantz met Hamada.'), 'long.txt', 17)).toBe('Gantz met Hamada.');
    expect(() => decodeText(Buffer.from('a'), 'a.txt', 0)).toThrow(expect.objectContaining({ code: 'invalid-argument', field: 'maxBytes' }));
  });

  test('the byte limit takes every article readArticle takes and decodes to a string V8 can hold', () => {
    // UTF-8 needs at most three bytes per UTF-16 code unit.
    expect(MAX_INPUT_BYTES).toBe(4 * DEFAULT_MAX_LENGTH);
    expect(MAX_INPUT_BYTES).toBeLessThan(constants.MAX_STRING_LENGTH);
  });

  test('the engine refusing a string too long is text-too-large, not invalid UTF-8 at byte -1', () => {
    // What Node throws when decoded bytes would outgrow the longest string (2^29 - 24 characters);
    // simulated, since the real one needs a 512 MB buffer.
    const tooLong = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
    const spy = jest.spyOn(TextDecoder.prototype, 'decode').mockImplementation(() => {
      throw tooLong;
    });
    try {
      expect(() => decodeText(Buffer.from('plain ASCII'), 'big.txt', Infinity)).toThrow(expect.objectContaining({ code: 'text-too-large', input: 'big.txt', message: 'big.txt: the text has 11 bytes, more than the longest string JavaScript can hold' }));
    } finally {
      spy.mockRestore();
    }
  });

  test('isStringTooLong knows the engine\'s errors and nothing else', () => {
    let joined: unknown;
    try {
      'x'.repeat(2 ** 30);
    } catch (error) {
      joined = error;
    }
    expect(isStringTooLong(joined)).toBe(true);
    expect(isStringTooLong(Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' }))).toBe(true);
    expect(isStringTooLong(new RangeError('Invalid array length'))).toBe(false);
    expect(isStringTooLong(new TypeError('The encoded data was not valid for encoding utf-8'))).toBe(false);
  });

  test('bytes that are not a Uint8Array are invalid-argument', () => {
    expect(codeOf(() => decodeText('text' as never, 'x'))).toBe('invalid-argument');
    expect(codeOf(() => decodeText([0x61] as never, 'x'))).toBe('invalid-argument');
    expect(codeOf(() => firstInvalidUtf8(null as never))).toBe('invalid-argument');
  });
});

describe('parseJsonLines', () => {
  test('a bad line becomes an error in its place and the rest are read', () => {
    const text = ['{"id": "a", "text": "One."}', '{"id": "b", "text": "Two', '', '[1, 2]', '{"id": "c"}', '{"id": "d", "text": 4}', 'null', '{"id": "e", "text": "Five.", "outlet": {"name": "x"}}', '{"text": "Six."}'].join('\n');
    const results = parseJsonLines(text, 'news.jsonl');
    expect(results.map((result) => (result instanceof FramelensError ? [result.code, result.line, result.field] : [result.meta!.id, result.line]))).toEqual([
      ['a', 1],
      ['invalid-json', 2, undefined],
      ['invalid-json', 4, undefined],
      ['missing-field', 5, 'text'],
      ['missing-field', 6, 'text'],
      ['invalid-json', 7, undefined],
      ['invalid-field', 8, 'outlet'],
      ['line-9', 9],
    ]);
    for (const result of results) if (result instanceof FramelensError) expect(result.input).toBe('news.jsonl');
  });

  test('records carry their path and line in meta for later errors', () => {
    const [record] = parseJsonLines('{"id": 7, "text": "x", "story": "s", "date": null}', 'n.jsonl');
    expect(record).toEqual({ text: 'x', meta: { id: '7', path: 'n.jsonl', line: 1, story: 's' }, line: 1, story: 's' });
  });

  test('lone CR line ends (old Mac files) end lines, and count', () => {
    const results = parseJsonLines('{"id":"a","text":"One."}\r{"id":"b","text":"Two."}\r\r\n{"id":"c","text":"Three."}\n\r{"id":"d","text":"Four."}\r', 'mac.jsonl');
    expect(results.map((result) => (result instanceof FramelensError ? result.code : [result.meta!.id, result.line]))).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 4],
      ['d', 6],
    ]);
  });

  test('CRLF line ends, a BOM and blank lines keep line numbers right', () => {
    const results = parseJsonLines('\uFEFF{"id": "a", "text": "x"}\r\n\r\n  \r\n{oops\r\n', 'w.jsonl');
    expect(results.map((result) => result.line)).toEqual([1, 4]);
    expect(results[1]).toBeInstanceOf(FramelensError);
  });

  test('__proto__ and constructor keys are data, not prototypes', () => {
    const record = parseJsonLine('{"__proto__": {"outlet": "hijack"}, "constructor": "c", "id": "p", "text": "x"}', 'p.jsonl', 1);
    expect(record.meta).toEqual({ id: 'p', path: 'p.jsonl', line: 1 });
    expect(Object.getPrototypeOf(record.meta)).toBe(Object.prototype);
    expect(({} as { outlet?: unknown }).outlet).toBeUndefined();
  });

  test('a record whose text comes only from __proto__ has no text', () => {
    expect(codeOf(() => parseJsonLine('{"__proto__": {"text": "hijack"}}', 'p.jsonl', 3))).toBe('missing-field');
    expect(({} as { text?: unknown }).text).toBeUndefined();
  });

  test('text that is not a string is invalid-argument', () => {
    expect(codeOf(() => parseJsonLines(Buffer.from('{}') as never, 'x'))).toBe('invalid-argument');
  });

  test('deeply nested or unterminated JSON is a typed error, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseJsonLines(`${deep}\n{"text": ${deep}}\n${'{"a":'.repeat(50_000)}`, 'deep.jsonl').map((result) => (result instanceof FramelensError ? result.code : 'record'))).toEqual(['invalid-json', 'missing-field', 'invalid-json']);
  });

  test('random lines never throw: each is a record or a typed error, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json(), fc.record({ id: fc.string(), text: fc.string() }).map((record) => JSON.stringify(record))), { maxLength: 8 }), (lines) => {
        const results = parseJsonLines(lines.join('\n'), 'r.jsonl');
        const numbers = results.map((result) => result.line ?? 0);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        for (const result of results) if (result instanceof FramelensError) expect(['invalid-json', 'missing-field', 'invalid-field']).toContain(result.code);
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateActors', () => {
  test('returns clean copies with own properties only', () => {
    const raw = JSON.parse('[{"name": "Benny Gantz", "aliases": ["Gantz"], "type": "person"}]') as unknown;
    expect(validateActors(raw, 'actors.json')).toEqual([{ name: 'Benny Gantz', aliases: ['Gantz'], type: 'person' }]);
    expect(() => validateActors(JSON.parse('[{"name": "Benny Gantz", "__proto__": {"type": "country"}}]'), 'actors.json')).toThrow(expect.objectContaining({ code: 'invalid-actors', field: '[0].__proto__' }));
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'type')).toBe(false);
  });

  test('an inherited name does not count', () => {
    const raw = JSON.parse('[{"__proto__": {"name": "Ghost"}}]') as unknown;
    expect(codeOf(() => validateActors(raw, 'actors.json'))).toBe('invalid-actors');
  });
});

describe('idFromPath', () => {
  test.each([
    ['corpus/000_9cc5.txt', '000_9cc5'],
    ['C:\\news\\wire.story.md', 'wire.story'],
    ['dir/', 'dir'],
    ['.hidden', '.hidden'],
    ['-', '-'],
  ])('%s → %s', (path, id) => expect(idFromPath(path)).toBe(id));
});

describe('decodeJsonLines', () => {
  test('invalid UTF-8 costs only the lines that hold it', () => {
    const bytes = Buffer.concat([
      Buffer.from('\uFEFF{"id": "a", "text": "One."}\r\n'),
      Buffer.from('{"id": "b", "text": "caf'),
      Uint8Array.of(0xe9),
      Buffer.from('"}\n\n{oops\n{"id": "e", "text": "Five."}'),
    ]);
    const results = decodeJsonLines(bytes, 'w.jsonl');
    expect(results.map((result) => (result instanceof FramelensError ? [result.code, result.line] : [result.meta!.id, result.line]))).toEqual([
      ['a', 1],
      ['invalid-utf8', 2],
      ['invalid-json', 4],
      ['e', 5],
    ]);
    const offset = Buffer.from('\uFEFF{"id": "a", "text": "One."}\r\n{"id": "b", "text": "caf').length;
    expect((results[1] as FramelensError).message).toBe(`w.jsonl:line 2: invalid UTF-8 at byte ${offset}`);
  });

  test('a line over the byte limit is text-too-large with its line, and the rest are read', () => {
    const bytes = Buffer.from('{"id":"a","text":"One."}\r\n{"id":"b","text":"Two, longer."}\r{"id":"c","text":"Three."}');
    const results = decodeJsonLines(bytes, 'w.jsonl', 26);
    expect(results.map((result) => (result instanceof FramelensError ? [result.code, result.line] : [result.meta!.id, result.line]))).toEqual([
      ['a', 1],
      ['text-too-large', 2],
      ['c', 3],
    ]);
    expect((results[1] as FramelensError).message).toBe('w.jsonl:line 2: the line has 32 bytes, more than the limit of 26');
  });

  test('a line the engine cannot hold as a string is text-too-large, not invalid UTF-8 at its first byte', () => {
    const decode = TextDecoder.prototype.decode;
    const spy = jest.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (args[0] instanceof Uint8Array && Buffer.from(args[0]).includes('huge')) throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
      return (decode as (...rest: unknown[]) => string).apply(this, args);
    });
    try {
      const results = decodeJsonLines(Buffer.from('{"id":"a","text":"One."}\n{"id":"b","text":"huge"}\n{"id":"c","text":"Three."}'), 'w.jsonl', Infinity);
      expect(results.map((result) => (result instanceof FramelensError ? [result.code, result.line] : [result.meta!.id, result.line]))).toEqual([
        ['a', 1],
        ['text-too-large', 2],
        ['c', 3],
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  test('agrees with parseJsonLines on valid UTF-8', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.record({ id: fc.string(), text: fc.string() }).map((record) => JSON.stringify(record))), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, end) => {
        const text = lines.join(end);
        expect(decodeJsonLines(Buffer.from(text, 'utf8'), 'x.jsonl')).toEqual(parseJsonLines(text, 'x.jsonl'));
      }),
      { numRuns: 100 },
    );
  });
});
