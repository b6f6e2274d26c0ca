/**
 * Runs `fn` once, after the browser has painted the current frame: a frame callback fires just before
 * the paint and a task queued from it runs just after. Hidden tabs render no frames, so a timer runs `fn`
 * anyway after 100 ms.
 */
export function afterPaint(fn: () => void): { cancel(): void } {
  let finished = false;
  const run = () => {
    if (finished) return;
    finished = true;
    fn();
  };
  let timer = setTimeout(run, 100);
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          clearTimeout(timer);
          timer = setTimeout(run, 0);
        })
      : undefined;
  return {
    cancel() {
      finished = true;
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
  };
}

/**
 * Runs `fn` once the page has loaded and the main thread is idle (at the latest 2 s after the load): for work
 * the first screen does not need, such as the service worker's install and loading i18next.
 */
export function whenIdle(fn: () => void): void {
  const idle = () =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 0);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
