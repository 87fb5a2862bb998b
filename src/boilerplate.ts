import type { BlockRole, LineSpan } from './article';

/** What kind of page furniture a boilerplate block is. */
export type BoilerplateKind =
  | 'navigation'
  | 'promotion'
  | 'related'
  | 'subscription'
  | 'donation'
  | 'republishing'
  | 'credit'
  | 'copyright'
  | 'byline'
  | 'dateline'
  | 'share'
  | 'notice'
  | 'comments'
  | 'caption'
  | 'other';

/** The role the classifier gives one block, with the rule that decided it. */
export interface BlockClassification {
  readonly role: BlockRole;
  readonly kind?: BoilerplateKind;
  readonly rule?: string;
}

export interface ClassifyBlocksOptions {
  /** Extra phrases that mark a line as boilerplate of the given kind (case-insensitive). */
  readonly phrases?: readonly { readonly phrase: string; readonly kind: BoilerplateKind }[];
  /** Force the role of blocks by index. */
  readonly forceRoles?: Readonly<Record<number, BlockRole>>;
}

/**
 * Give every line of an article a role: headline, body or boilerplate (with its kind).
 *
 * @example
 * classifyBlocks('Home / News / Israel\nGantz met Hamada in Tokyo on Tuesday.', findLines(text))
 * // [{ role: 'boilerplate', kind: 'navigation', rule: 'breadcrumb' }, { role: 'body' }]
 */
export function classifyBlocks(
  text: string,
  lines: readonly LineSpan[],
  options: ClassifyBlocksOptions = {},
): BlockClassification[] {
  const roles = lines.map((line, index): BlockClassification => {
    const forced = options.forceRoles?.[index];
    if (forced) return { role: forced, rule: 'forced' };
    const value = text.slice(line.start, line.end);
    if (/\s\/\s.*\s\/\s/.test(value)) return { role: 'boilerplate', kind: 'navigation', rule: 'breadcrumb' };
    return { role: /[.?!"'\u201d\u2019]$/.test(value) ? 'body' : 'headline' };
  });
  return roles;
}
