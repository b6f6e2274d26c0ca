import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';
import { loadLanguage } from '../src/i18n/index.svelte';
import { startI18next } from '../src/i18n/translator';
import { RUBRIC_IDS, loadRubric } from '../src/domain/rubric/registry';
import { loadReviewData } from '../src/domain/review/bundled';

// findBy…/waitFor wait on the component's state; their 1 s default is a time budget, and an import (parse,
// validate, IndexedDB write, live query) took longer while the whole suite shared 2 cores at load 18. A state
// that arrives earlier still ends the wait at once.
configure({ asyncUtilTimeout: 10_000 });

await loadLanguage('en');
// components are tested with the strings' library the app switches to once it is idle (i18n/translator.ts)
await startI18next();
// rubrics and their review data load on demand in the app; tests read them synchronously
await Promise.all(RUBRIC_IDS.map(loadRubric));
await Promise.all(RUBRIC_IDS.map(loadReviewData));

// jsdom has no canvas; chart components only need a context object that accepts calls.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

// jsdom has no modal dialogs; opening is enough for the logic under test.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};
