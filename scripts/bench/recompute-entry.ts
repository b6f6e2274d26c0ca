/**
 * Browser entry of the recompute benchmark, built by scripts/bench/vite.recompute.config.ts into one IIFE file and
 * injected into a page of the built app. It runs the same domain code the results, planner and roadmap screens run
 * after an answer changes: journeyFor (evaluate, then the plans, then the roadmap; food-beverage guide, above-scale).
 *
 *   window.__bench(seed, n, warmup) → { durations (ms, n of them), warmupDurations, changes: { question, scenario } }
 *
 * Starting from test/fixtures/valid-level3.json, each step makes one random change (seeded, so every run makes the
 * same changes): a question gets a new random answer (single choice: any option; multiple choice: 「无」 or a random
 * non-empty set of the other options) or one level of one scenario is ticked or unticked. Changes accumulate, so the
 * walk visits every level. Only the recompute is timed, not making the change.
 */
import {
  type Answer,
  type JourneyFile,
  type ScenarioChecks,
  allScenarios,
  getRubric,
  journeyFor,
  loadRubric,
  loadGuideFor,
  questionsOf,
} from '../../src/domain/index.ts';
import fixture from '../../test/fixtures/valid-level3.json';

export interface RecomputeResult {
  durations: number[];
  /** The overall level after each measured change (same order as durations). */
  levelAfter: number[];
  warmupDurations: number[];
  changes: { question: number; scenario: number };
  /** Smallest step of performance.now() seen in this page (Chromium coarsens it without cross-origin isolation). */
  timerResolutionMs: number;
}

function timerResolution(): number {
  let smallest = Infinity;
  let last = performance.now();
  for (let seen = 0, spins = 0; seen < 50 && spins < 5_000_000; spins++) {
    const now = performance.now();
    if (now !== last) {
      smallest = Math.min(smallest, now - last);
      last = now;
      seen++;
    }
  }
  return smallest;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function bench(seed: number, n: number, warmup = 0): Promise<RecomputeResult> {
  await loadRubric(fixture.rubric);
  const rubric = getRubric(fixture.rubric);
  if (!rubric) throw new Error(`unknown rubric ${fixture.rubric}`);
  const guide = await loadGuideFor(rubric, 'food-beverage');
  const questions = questionsOf(rubric);
  const scenarios = allScenarios(rubric);
  const random = rng(seed);
  const pick = (k: number) => Math.floor(random() * k);

  const answers: Record<string, Answer> = { ...(fixture.answers as Record<string, Answer>) };
  const ticks: Record<string, ScenarioChecks> = { ...(fixture.scenarios as unknown as Record<string, ScenarioChecks>) };
  const changes = { question: 0, scenario: 0 };
  let lastLevel = 0;

  function change() {
    const slot = pick(questions.length + scenarios.length);
    const q = questions[slot];
    if (q) {
      changes.question++;
      if (q.type === 'single') answers[q.id] = pick(q.options.length);
      else {
        const none = q.noneOption ?? 0;
        const others = q.options.map((_, i) => i).filter((i) => i !== none);
        if (random() < 1 / q.options.length) answers[q.id] = [none];
        else {
          let set = others.filter(() => random() < 0.5);
          if (set.length === 0) set = [others[pick(others.length)]!];
          answers[q.id] = set;
        }
      }
      return;
    }
    changes.scenario++;
    const s = scenarios[slot - questions.length]!;
    const checks = [...(ticks[s.id] ?? [false, false, false, false])];
    const level = pick(4);
    checks[level] = !checks[level];
    ticks[s.id] = checks as unknown as ScenarioChecks;
  }

  function recompute(): number {
    const file: JourneyFile = { answers: { ...answers }, scenarios: { ...ticks }, profile: { size: 'above-scale' } };
    const start = performance.now();
    const { evaluation, roadmap } = journeyFor({ rubric: rubric!, file, guide });
    const took = performance.now() - start;
    lastLevel = evaluation.level;
    if (!roadmap?.stages.length) throw new Error('empty roadmap');
    return took;
  }

  const warmupDurations: number[] = [];
  for (let i = 0; i < warmup; i++) {
    change();
    warmupDurations.push(recompute());
  }
  changes.question = changes.scenario = 0;
  const durations: number[] = [];
  const levelAfter: number[] = [];
  for (let i = 0; i < n; i++) {
    change();
    durations.push(recompute());
    levelAfter.push(lastLevel);
  }
  return { durations, levelAfter, warmupDurations, changes, timerResolutionMs: timerResolution() };
}

(globalThis as unknown as { __bench: typeof bench }).__bench = bench;
