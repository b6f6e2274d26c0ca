import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { loadLanguage } from '../src/i18n/index.svelte';
import { RUBRIC_IDS, loadRubric } from '../src/domain/rubric/registry';
import { loadReviewData } from '../src/domain/review/bundled';

await loadLanguage('en');
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
