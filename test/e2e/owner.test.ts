/**
 * Issue 16: the owner's walk-through. From home to a full result by the quick path only (the start button,
 * one option per item, one level per scenario, next), in Chinese and in English. It counts the interactions
 * (clicks + keystrokes) and the characters of text on screen before anything is expanded, prints both, and
 * checks the result is the engine's for the same answers, with axe on every screen the issue changed.
 * With OWNER_FIGURES_FILE set it also writes both figures there as JSON: `npm run bench` runs this file that way
 * and keeps them in bench/result.json (scripts/bench/owner.ts).
 */
import { afterAll, describe, expect, it, inject } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchWithPage } from './browser';
import { axeViolations } from './axe';
import { stepIds, waitRoute, waitSaved } from './wait';
import { getRubric, evaluate, questionsOf, allScenarios, displayScore, type Answers } from '../../src/domain/index';
import { quickChecks } from '../../src/domain/owner/quick-pick';

const rubric = getRubric('cn-sme-2024')!;
/** The owner's answers: the last option of a single choice, the first real option of a multiple choice. */
const ANSWERS: Answers = Object.fromEntries(
  questionsOf(rubric).map((q) => [q.id, q.type === 'single' ? q.options.length - 1 : [1]]),
);
/** Every scenario picked at level 2 (quick pick: levels 1 and 2 fully met). */
const LEVEL = 2;
const expected = evaluate(rubric, {
  answers: ANSWERS,
  scenarios: Object.fromEntries(allScenarios(rubric).map((s) => [s.id, quickChecks(LEVEL)])),
});

const TEXT = {
  'zh-CN': {
    start: /^开始自评（约 \d+ 分钟）$/,
    profile: '企业概况',
    startQuestions: '开始答题 →',
    next: '下一步 →',
    toScenarios: '填写业务场景 →',
    toResults: '查看结果 →',
    results: '评测结果',
    level: '二级',
  },
  en: {
    start: /^Start the self-assessment \(about \d+ min\)$/,
    profile: 'Enterprise profile',
    startQuestions: 'Start the items →',
    next: 'Next →',
    toScenarios: 'Go to the scenarios →',
    toResults: 'See the results →',
    results: 'Results',
    level: 'Level 2',
  },
} as const;

/**
 * Characters of text shown in the main area, without spaces: closed details are not rendered (so not counted),
 * and text only for screen readers (.visually-hidden) is left out for the count, then put back.
 */
const visibleChars = (page: Page) =>
  page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('main .visually-hidden')];
    for (const el of hidden) el.style.display = 'none';
    const count = (document.querySelector('main') as HTMLElement).innerText.replace(/\s+/g, '').length;
    for (const el of hidden) el.style.display = '';
    return count;
  });

/** The figures of each language's walk-through, written for the bench (OWNER_FIGURES_FILE) once both have run. */
export interface OwnerFigures {
  interactions: number;
  visibleChars: {
    home: number;
    firstQuestions: number;
    firstScenarios: number;
    questions: number;
    scenarios: number;
    results: number;
  };
}
const figures: Partial<Record<'zh-CN' | 'en', OwnerFigures>> = {};
afterAll(() => {
  const out = process.env.OWNER_FIGURES_FILE;
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
});

describe.skipIf(!CHROMIUM)('the owner walk-through (quick path only)', () => {
  it.each(['zh-CN', 'en'] as const)(
    'reaches a full, correct result in %s',
    async (lang) => {
      const text = TEXT[lang];
      const { ctx, page } = await launchWithPage({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      let interactions = 0;
      const chars = { home: 0, firstQuestions: 0, firstScenarios: 0, questions: 0, scenarios: 0, results: 0 };
      /** One click (or Space on the focused control): the only way the walk-through touches the page. */
      const click = async (target: ReturnType<Page['locator']>) => {
        interactions++;
        await target.click();
      };
      try {
        await page.goto(inject('baseUrl'));
        const start = page.getByRole('button', { name: text.start });
        await expect.poll(() => start.isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        chars.home = await visibleChars(page);
        await click(start);
        await waitRoute(page, text.profile);
        await click(page.getByRole('link', { name: text.startQuestions }));

        let ids: string[] = [];
        const steps = rubric.dimensions.flatMap((d) => d.secondaries).length;
        let questionChars = 0;
        for (let step = 0; step < steps; step++) {
          ids = await stepIds(page, 'fieldset.question', 'question-', ids);
          const shown = await visibleChars(page);
          questionChars += shown;
          if (step === 0) {
            chars.firstQuestions = shown;
            expect(await axeViolations(page)).toEqual([]);
          }
          for (const id of ids) {
            const answer = ANSWERS[id]!;
            const index = Array.isArray(answer) ? answer[0]! : answer;
            await click(page.locator(`#question-${id} .options input`).nth(index));
          }
          await click(page.getByRole('link', { name: step < steps - 1 ? text.next : text.toScenarios }));
        }
        chars.questions = questionChars;

        ids = [];
        let scenarioChars = 0;
        const groups = rubric.scenarioGroups.length;
        for (let group = 0; group < groups; group++) {
          ids = await stepIds(page, 'fieldset.scenario', 'scenario-', ids);
          const shown = await visibleChars(page);
          scenarioChars += shown;
          if (group === 0) chars.firstScenarios = shown;
          for (const id of ids) await click(page.locator(`#scenario-${id} .picks input`).nth(LEVEL));
          if (group === 0) expect(await axeViolations(page)).toEqual([]);
          await waitSaved(page);
          await click(page.getByRole('link', { name: group < groups - 1 ? text.next : text.toResults }));
        }
        chars.scenarios = scenarioChars;

        await waitRoute(page, text.results);
        expect(await page.getByTestId('overall-level').innerText()).toBe(text.level);
        expect(await page.getByTestId('total-score').innerText()).toBe(
          new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(displayScore(expected.score.total)),
        );
        expect(expected.level).toBe(LEVEL);
        expect(expected.complete).toBe(true);
        expect(await page.getByTestId('why').innerText()).not.toBe('');
        expect(await axeViolations(page)).toEqual([]);
        chars.results = await visibleChars(page);

        const whole = chars.questions + chars.scenarios;
        console.log(
          `owner walk-through (${lang}): ${interactions} interactions (clicks + keystrokes); visible characters before ` +
            `any expansion: home ${chars.home}, first questionnaire page ${chars.firstQuestions} + first scenario page ` +
            `${chars.firstScenarios} = ${chars.firstQuestions + chars.firstScenarios}, whole questionnaire ${chars.questions} + ` +
            `scenarios ${chars.scenarios} = ${whole}, results ${chars.results}`,
        );
        // 1 start + 1 profile + 15 items + 9 steps + 16 scenarios + 4 groups
        expect(interactions).toBe(2 + questionsOf(rubric).length + steps + allScenarios(rubric).length + groups);
        figures[lang] = { interactions, visibleChars: { ...chars } };
      } finally {
        await ctx.close();
      }
    },
    180_000,
  ); // ~50 steps on a shared 2-core machine; each waits on state, none on time
});
