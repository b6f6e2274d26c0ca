/**
 * Prerenders home's shell into index.html's #app at build time: the purpose sentence, the start button's label
 * (with the minutes a new assessment takes, as home says them: build/rubric-sizes.ts),
 * the example's hint and the privacy line, in Chinese and English, from the translation files. The first and the largest paint then
 * need only the HTML and CSS; main.ts replaces the shell when the app mounts (the same texts, at the same size, so
 * the largest paint stays the static one). No script is added (the CSP allows none inline) and there is no h1 or
 * button: tests and assistive technology wait for the real home screen, which the shell only announces as busy.
 */
import type { Plugin } from 'vite';
import { inlineEntryCss } from './inline-css.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRubricSizes } from './rubric-sizes.ts';
import { interpolate } from '../src/i18n/lookup.ts';

type Tree = { [key: string]: string | Tree };
const I18N = join(import.meta.dirname, '..', 'src', 'i18n');

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A string of the base file merged with the feature files, as translator.ts merges them. */
function lookup(lang: 'zh-CN' | 'en', key: string): string {
  const files = [`${lang}.json`, `features/owner.${lang}.json`];
  for (const file of files.reverse()) {
    let node: string | Tree | undefined = JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node === 'string') return node;
  }
  throw new Error(`prerender-home: no ${lang} string for ${key}`);
}

/** The shell's markup for one language; `minutes` a new assessment takes, as home's start button says. */
function shell(lang: 'zh-CN' | 'en', minutes: number): string {
  const t = (key: string, values?: Record<string, unknown>) => escape(interpolate(lookup(lang, key), values));
  return [
    `<div class="shell-lang" lang="${lang}">`,
    `<p class="shell-lead">${t('owner.home.purpose')}</p>`,
    `<p><span class="shell-start">${t('owner.home.start', { minutes })}</span></p>`,
    // a first visit (nothing stored) shows the example's hint: the longest text, so it is painted here too
    `<p class="muted">${t('home.exampleHint')}</p>`,
    `<p class="muted">${t('home.privacy')}</p>`,
    `</div>`,
  ].join('');
}

/** The shell, and the first visit's CSS inlined beside it (inline-css.ts), so neither paint waits for a request. */
export function prerenderHome(): Plugin[] {
  return [shellPlugin(), inlineEntryCss()];
}

function shellPlugin(): Plugin {
  return {
    name: 'digilevel-prerender-home',
    async transformIndexHtml(html) {
      const marker = /<p class="boot" aria-busy="true">[^<]*<\/p>/;
      if (!marker.test(html)) throw new Error('prerender-home: the loading line of index.html is gone');
      const minutes = (await bundledRubricSizes()).newAssessmentMinutes;
      const body =
        `<div class="shell" aria-busy="true"><p class="shell-brand">${escape(lookup('zh-CN', 'app.name'))}</p>` +
        `<div class="shell-main">${shell('zh-CN', minutes)}${shell('en', minutes)}</div></div>`;
      return html.replace(marker, body);
    },
  };
}
