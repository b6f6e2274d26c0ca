import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startLanguage } from './i18n/index.svelte';
import './ui/global.css';

// English strings load on demand; render once the detected language is ready. When they cannot be
// fetched the app starts in Chinese (the language menu offers English again) rather than never.
await startLanguage().catch((e: unknown) => console.error(e));
const target = document.getElementById('app')!;
target.replaceChildren(); // the static "loading" line of index.html
mount(App, { target });
