/**
 * Issue 16's owner walk-through figures (interactions and visible characters, zh-CN and en), measured by the e2e
 * test itself (test/e2e/owner.test.ts): the bench runs that one file with OWNER_FIGURES_FILE and reads what it
 * writes, so the bench and the test never disagree about how the walk-through is counted. BENCH_OWNER=0 skips it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OwnerFigures } from '../../test/e2e/owner.test.ts';

export type OwnerWalkthrough =
  | { status: 'ok'; ms: number; figures: Partial<Record<'zh-CN' | 'en', OwnerFigures>> }
  | { status: 'skipped' | 'failed'; reason: string };

export function measureOwnerWalkthrough(root: string, tmp: string, log: (m: string) => void): OwnerWalkthrough {
  if (process.env.BENCH_OWNER === '0') return { status: 'skipped', reason: 'BENCH_OWNER=0' };
  const out = join(tmp, 'owner-figures.json');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  log('owner walk-through: running test/e2e/owner.test.ts');
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', 'test/e2e/owner.test.ts'],
      { cwd: root, env: { ...env, OWNER_FIGURES_FILE: out }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch (e) {
    return { status: 'failed', reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  if (!existsSync(out)) return { status: 'failed', reason: 'the test wrote no figures (no Chromium?)' };
  const figures = JSON.parse(readFileSync(out, 'utf8')) as Partial<Record<'zh-CN' | 'en', OwnerFigures>>;
  for (const [lang, f] of Object.entries(figures))
    log(
      `owner walk-through (${lang}): ${f.interactions} interactions, ${f.visibleChars.questions + f.visibleChars.scenarios} characters in the whole questionnaire`,
    );
  return { status: 'ok', ms: Math.round(performance.now() - started), figures };
}
