/**
 * Service worker registration and the "update available" prompt. Only in a production build: the
 * dev server serves modules that must not be cached.
 */
class Updates {
  available = $state(false);
  private waiting: ServiceWorker | null = null;

  /**
   * Registers the worker and starts offering updates. Called once the page has loaded and the main thread is
   * idle (ui/after-paint.ts whenIdle): the worker's install fetches every file for offline use, which must not
   * compete with home's first paint and start-up (Lighthouse's blocking time).
   */
  register() {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    void navigator.serviceWorker
      .register('./sw.js')
      .then((reg) => {
        if (reg.waiting && navigator.serviceWorker.controller) this.offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const worker = reg.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) this.offer(worker);
          });
        });
      })
      .catch(() => {
        // offline use just stays unavailable (e.g. file:// or a blocked worker); the app itself works
      });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (this.waiting && !reloading) {
        reloading = true;
        location.reload();
      }
    });
  }

  private offer(worker: ServiceWorker) {
    this.waiting = worker;
    this.available = true;
  }

  apply() {
    this.waiting?.postMessage('skip-waiting');
  }
}

export const updates = new Updates();
