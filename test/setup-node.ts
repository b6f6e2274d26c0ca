// Setup for the tests that need no DOM (domain, CLI, content, build, database): Node's own environment is
// much cheaper per file than jsdom, and the suite must stay within CI's time.
import 'fake-indexeddb/auto';
import { loadLanguage } from '../src/i18n/index.svelte';
import { RUBRIC_IDS, loadRubric } from '../src/domain/rubric/registry';
import { loadReviewData } from '../src/domain/review/bundled';

await loadLanguage('en');
// rubrics and their review data load on demand in the app; tests read them synchronously
await Promise.all(RUBRIC_IDS.map(loadRubric));
await Promise.all(RUBRIC_IDS.map(loadReviewData));
