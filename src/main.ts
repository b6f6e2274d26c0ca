import { mount } from 'svelte';
import App from './ui/App.svelte';
import { startLanguage } from './i18n/index.svelte';
import './ui/global.css';

// English strings load on demand; render once the detected language is ready.
await startLanguage();
mount(App, { target: document.getElementById('app')! });
