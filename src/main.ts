import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startLanguage } from './i18n/index.svelte';
import './ui/global.css';

// English strings load on demand; render once the detected language is ready.
await startLanguage();
const target = document.getElementById('app')!;
target.replaceChildren(); // the static "loading" line of index.html
mount(App, { target });
