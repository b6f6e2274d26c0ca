import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startLanguage } from './i18n/index.svelte';
import { nextTask } from './domain/next-task';
import { app } from './state/app.svelte';
import './ui/global.css';

// English strings load on demand; render once the detected language is ready. When they cannot be
// fetched the app starts in Chinese (the language menu offers English again) rather than never.
// Whether anything is stored is asked at the same time, so home knows before it mounts whether it has a warning to
// hold a place for (app.svelte.ts).
await Promise.all([startLanguage().catch((e: unknown) => console.error(e)), app.checkStored()]);
// For an English browser, merging its strings and mounting the app are two tasks, not one long one (Lighthouse's
// total blocking time on a phone).
await nextTask();
const target = document.getElementById('app')!;
target.replaceChildren(); // the static "loading" line of index.html
mount(App, { target });
