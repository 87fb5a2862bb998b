import type { Finding } from '../../src/findings';

/** A finding of the lexical analyzers as one fixture line: `<start>-<end> <analyzer> <key fields> "<evidence>"`. */
export function lexicalLine(finding: Finding): string {
  const flag = finding.boilerplate ? ';boilerplate' : '';
  switch (finding.analyzer) {
    case 'title-choice':
      return `${finding.start}-${finding.end} title-choice office=${finding.office};actor=${finding.actor ?? '-'}${flag} ${JSON.stringify(finding.text)}`;
    case 'label':
      return `${finding.start}-${finding.end} label family=${finding.family};actor=${finding.actor ?? '-'};alternative=${finding.alternative}${flag} ${JSON.stringify(finding.text)}`;
    case 'loaded-language':
    case 'hedge':
      return `${finding.start}-${finding.end} ${finding.analyzer} category=${finding.category};rule=${finding.rule}${flag} ${JSON.stringify(finding.text)}`;
    default:
      return `${finding.start}-${finding.end} ${finding.analyzer} ${finding.rule}${flag} ${JSON.stringify(finding.text)}`;
  }
}
