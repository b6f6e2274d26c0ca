/**
 * Offline behind a host that sends `Vary: Origin` (vite preview, many CDNs). Module scripts are requested with
 * an Origin header and the precache's requests without one, so a cache lookup that honours Vary misses every
 * script: the app then hung on "正在加载…" offline. A fresh profile that saw only home must work offline on
 * every screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from 'node:http';
import { CHROMIUM, launchWithPage } from './browser';
import { serveDist } from './static-server';
import { useEveryScreen } from './every-screen';
import { waitRoute } from './wait';

describe.skipIf(!CHROMIUM)('offline behind a server that sends Vary: Origin', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ server, url: base } = await serveDist(inject('distDir'), '/cdn/tools/digilevel/', { varyOrigin: true }));
  });
  afterAll(async () => new Promise((r) => server?.close(r)));

  it('works on every screen, PDF included, after a fresh profile visited only home', async () => {
    const { ctx, page } = await launchWithPage({ locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      const response = await page.goto(base);
      expect(response!.headers()['vary']).toBe('Origin'); // else this test proves nothing
      await waitRoute(page, '本机上的评测');
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

      await ctx.setOffline(true);
      await page.reload();
      await useEveryScreen(page, base, 'offline-vary');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }); // the walk through every screen takes ~20 s alone, more on a busy machine: the e2e project allows 300 s
});
