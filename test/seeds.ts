/** Access to ../shared/seeds: present in CI and on developer machines beside the repo, absent in a bare clone. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
export const HAVE_SEEDS = existsSync(SEEDS_DIR);
if (!HAVE_SEEDS)
  console.warn(`[seed comparison] ${SEEDS_DIR} not found: tests that compare content with the seeds are SKIPPED.`);

/** A seed's text with all whitespace removed: the extracted text breaks lines inside table cells. */
export const seedText = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8').replace(/\s+/g, '');
export const squash = (s: string) => s.replace(/\s+/g, '');
