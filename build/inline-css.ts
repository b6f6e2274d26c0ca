/**
 * Puts the first visit's stylesheets into index.html as <style> elements (the CSP allows inline styles, not
 * inline scripts). Home's prerendered shell (prerender-home.ts) then paints from the HTML alone: on a slow
 * mobile link each render-blocking stylesheet was one more round trip before the first and the largest paint,
 * which are what Lighthouse's performance score weighs most. The .css files stay in dist/: screens loaded on
 * demand that share one of them fetch it as before (rules applied twice are harmless), and the service worker
 * precaches them.
 */
import type { Plugin } from 'vite';

export function inlineEntryCss(): Plugin {
  return {
    name: 'digilevel-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          // '</style' inside the CSS would end the element early; CSS has no reason to contain it
          if (/<\/style/i.test(css)) return tag;
          return `<style data-file="${file}">${css}</style>`;
        });
      },
    },
  };
}
