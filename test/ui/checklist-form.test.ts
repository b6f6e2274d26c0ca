// Issue 16 (2) for the 晨星工厂 rubric: each item asks our plain question first; the official indicator, its
// explanation (and parts) and our notes are folded under 原文与解释, with a line saying the question is ours.
import { afterAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import ChecklistForm from '../../src/ui/routes/ChecklistForm.svelte';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AssessmentSession } from '../../src/state/session.svelte';
import { loadRubric, type ChecklistRubric } from '../../src/domain/index';
import { setLanguage } from '../../src/i18n/index.svelte';

const rubric = (await loadRubric('sd-chenxing-2022')) as ChecklistRubric;
afterAll(() => setLanguage('zh-CN'));

async function open(name: string) {
  const store = new AssessmentStore(new DigiLevelDB(name));
  const session = new AssessmentSession(store, await store.create('sd-chenxing-2022'));
  await waitFor(() => expect(session.checklist).toBeDefined());
  return session;
}

describe('ChecklistForm plain questions', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`asks the plain question, the official text under 原文与解释 (${lang})`, async () => {
      await setLanguage(lang);
      const session = await open(`cf-${lang}`);
      const category = rubric.categories[4]!; // 生产制造: items with numbered parts
      const { container } = render(ChecklistForm, { session, section: category.id });
      for (const item of category.indicators.flatMap((i) => i.items)) {
        const fieldset = container.querySelector(`#item-${item.id}`)!;
        expect(fieldset.querySelector('legend')?.textContent?.trim()).toBe(item.plain![lang]);
        const details = fieldset.querySelector('details.official')!;
        expect(details.hasAttribute('open')).toBe(false);
        expect(details.querySelector('summary')?.textContent).toBe(
          lang === 'zh-CN' ? '原文与解释' : 'Official text and notes',
        );
        expect(details.textContent).toContain((item.name ?? item.nameSupplied)![lang]);
        expect(details.textContent).toContain(item.explanation[lang]);
        for (const part of item.parts ?? []) expect(details.textContent).toContain(part[lang]);
        expect(details.textContent).toContain(lang === 'zh-CN' ? '本工具的表述' : "this tool's wording");
        // the official explanation is no longer shown outside the fold
        const outside = [...fieldset.childNodes]
          .filter((n) => n !== details)
          .map((n) => n.textContent)
          .join('');
        expect(outside).not.toContain(item.explanation[lang]);
      }
      expect(screen.getAllByRole('radio').length).toBe(2 * category.indicators.flatMap((i) => i.items).length);
      session.dispose();
    });
});
