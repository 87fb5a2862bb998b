import { readArticle } from '../../src/article';
import type { MetricRow } from '../../src/compare';
import { compareMetrics, median } from '../../src/compare/metrics';
import { ANALYZER_IDS } from '../../src/findings';
import { id, seedStory } from './helpers';

function row(metric: string): MetricRow {
  return seedStory().comparison.metrics.find((entry) => entry.metric === metric)!;
}

describe('metrics on the seed story', () => {
  test('one row per analyzer and one for tone, each with every article beside the story median', () => {
    const rows = seedStory().comparison.metrics;
    expect(rows.map((entry) => entry.metric)).toEqual([...ANALYZER_IDS, 'tone']);
    const story = seedStory();
    for (const entry of rows) {
      expect(entry.values.map((value) => value.article)).toEqual(story.comparison.articles);
      expect(entry.median).toBeCloseTo(median(entry.values.map((value) => value.value)), 3);
    }
    const tones = row('tone').values.map((value) => value.value);
    expect(tones).toEqual(story.articles.map((article) => Math.round(article.tone.comparative * 10_000) / 10_000));
  });

  test("000's scare quotes stand out against four articles without any, linked to 'Israel'", () => {
    const value = row('scare-quote').values.find((entry) => entry.article === id('000'))!;
    expect(value.outlier).toBe(true);
    expect(value.z).toBeGreaterThan(3.5);
    expect(value.evidence!.map((evidence) => evidence.text)).toContain("'Israel'");
    for (const other of row('scare-quote').values.filter((entry) => entry.article !== id('000'))) expect(other.outlier).toBe(false);
  });

  test("000's loaded label stands out, linked to the Israeli occupation", () => {
    const value = row('label').values.find((entry) => entry.article === id('000'))!;
    expect(value.outlier).toBe(true);
    expect(value.evidence!.map((evidence) => evidence.text).join(' ')).toContain('occupation');
  });

  test('every outlier points at counted findings of its analyzer, whose text is the evidence', () => {
    const story = seedStory();
    for (const entry of story.comparison.metrics) {
      for (const value of entry.values) {
        if (!value.outlier) {
          expect(value.evidence).toBeUndefined();
          continue;
        }
        const report = story.articles.find((article) => article.id === value.article)!;
        for (const evidence of value.evidence!) {
          expect(report.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
          if (entry.metric === 'tone') continue;
          const finding = report.findings[evidence.finding!]!;
          expect(finding.analyzer).toBe(entry.metric);
          expect(finding.boilerplate).toBe(false);
        }
      }
    }
  });
});

describe('outliers that matter', () => {
  // Three articles whose title rates are set by hand: with three values the MAD is the smaller
  // deviation, so a tiny spread gives a huge z.
  const withTitles = (rates: readonly number[], tones: readonly number[] = [0.05, 0.05, 0.05]) => {
    const story = seedStory();
    return rates.map((rate, index) => {
      const report = story.articles[index]!;
      return {
        // compareMetrics reads the reports only.
        article: readArticle(report.text, { id: report.id }),
        report: { ...report, bodyTokens: 400, scores: { ...report.scores, 'title-choice': rate }, tone: { ...report.tone, comparative: tones[index]! } },
      };
    });
  };
  const titleRow = (items: ReturnType<typeof withTitles>) => compareMetrics(items).find((entry) => entry.metric === 'title-choice')!;

  test('a rate less than one finding from the median is no outlier, whatever its z', () => {
    const found = titleRow(withTitles([9.216, 9.288, 9.662]));
    expect(Math.abs(found.values[2]!.z)).toBeGreaterThan(3.5);
    expect(found.values.map((value) => value.outlier)).toEqual([false, false, false]);
  });

  test('a rate two findings above the median is', () => {
    expect(titleRow(withTitles([9.216, 9.288, 14.3])).values.map((value) => value.outlier)).toEqual([false, false, true]);
  });

  test('tone must differ by 0.02 AFINN points per word', () => {
    const tone = (tones: readonly number[]) => compareMetrics(withTitles([1, 1, 1], tones)).find((entry) => entry.metric === 'tone')!.values.map((value) => value.outlier);
    expect(tone([-0.0751, -0.0745, -0.0819])).toEqual([false, false, false]);
    expect(tone([-0.0751, -0.0745, -0.1])).toEqual([false, false, true]);
  });
});
