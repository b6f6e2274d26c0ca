import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startLanguage } from './i18n/index.svelte';
import { nextTask } from './domain/next-task';
import './ui/global.css';

// English strings load on demand; render once the detected language is ready. When they cannot be
// fetched the app starts in Chinese (the language menu offers English again) rather than never.
await startLanguage().catch((e: unknown) => console.error(e));
// For an English browser, merging its strings and mounting the app are two tasks, not one long one (Lighthouse's
// total blocking time on a phone).
await nextTask();
const target = document.getElementById('app')!;
target.replaceChildren(); // the static "loading" line of index.html
mount(App, { target });
