import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The seed corpus directory. */
export const CORPUS_DIR = join(__dirname, '..', '..', 'corpus');

/** The seed article files, sorted, without the manifest. */
export const SEED_FILES = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort();

/** The text of a seed article by its number prefix ("000") or full id. */
export function seedText(prefix: string): string {
  const file = SEED_FILES.find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed article ${prefix}`);
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

/** The id of a seed article ("000_9cc5f9112ddb2de0") by its number prefix. */
export function seedId(prefix: string): string {
  const file = SEED_FILES.find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed article ${prefix}`);
  return file.replace(/\.txt$/, '');
}
