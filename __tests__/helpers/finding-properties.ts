import fc from 'fast-check';
import type { Finding } from '../../src/findings';

export interface FindingPropertiesOptions<F extends Finding> {
  /** Texts to try, built from the analyzer's own cases. */
  readonly texts: fc.Arbitrary<string>;
  /** The analyzer run on a text (through a freshly read article). */
  readonly run: (text: string) => readonly F[];
  /** The fields that identify a finding besides its offsets, compared after a shift. */
  readonly key: (finding: F) => readonly unknown[];
  /** A first paragraph that holds nothing the analyzer finds. */
  readonly prefix?: string;
  readonly numRuns?: number;
}

/**
 * The properties every analyzer keeps (STYLE.md, "Tests"): spans lie in the text and slice to
 * their evidence (speaker and inner spans too), the same input gives the same findings, and
 * prepending a paragraph shifts every offset by its length.
 */
export function describeFindingProperties<F extends Finding>(options: FindingPropertiesOptions<F>): void {
  const numRuns = options.numRuns ?? 30;
  const prefix = options.prefix ?? 'A quiet day in the capital.\n\n';

  test('every span lies in the text and its slice is its evidence', () => {
    fc.assert(
      fc.property(options.texts, (text) => {
        for (const finding of options.run(text)) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(finding.start, finding.end)).toBe(finding.text);
          if ('speaker' in finding && finding.speaker !== undefined) {
            expect(text.slice(finding.speakerStart, finding.speakerEnd)).toBe(finding.speaker);
          }
          if (finding.analyzer === 'quote') expect(text.slice(finding.innerStart, finding.innerEnd)).toBe(finding.quote);
        }
      }),
      { numRuns },
    );
  });

  test('the same input gives the same findings', () => {
    fc.assert(
      fc.property(options.texts, (text) => {
        expect(options.run(text)).toEqual(options.run(text));
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });

  test('prepending a paragraph shifts every offset by its length', () => {
    fc.assert(
      fc.property(options.texts, (text) => {
        const plain = options.run(text).map((finding) => [finding.start, finding.end, ...options.key(finding)]);
        const shifted = options.run(prefix + text).map((finding) => [finding.start - prefix.length, finding.end - prefix.length, ...options.key(finding)]);
        expect(shifted).toEqual(plain);
      }),
      { numRuns },
    );
  });
}
