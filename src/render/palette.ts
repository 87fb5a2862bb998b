import type { AnalyzerId } from '../findings';

/**
 * One colour per analyzer, shared by the highlighted text, the legend and the score chart.
 * A `Record` over every id: a new analyzer without a colour fails to compile.
 */
export const ANALYZER_COLOURS: Readonly<Record<AnalyzerId, string>> = Object.freeze({
  'scare-quote': '#d62728',
  'title-choice': '#1f77b4',
  label: '#ff7f0e',
  attribution: '#17becf',
  'loaded-language': '#9467bd',
  hedge: '#bcbd22',
  quote: '#7f7f7f',
  credit: '#2ca02c',
});
