/**
 * The one way screens load something asynchronously (a screen's code, a guide, a rubric, chart.js):
 * loading → ready or error, `retry()` after an error, `cancel()` when the screen goes away. Only the
 * current request may set the state, so a slow earlier load never overwrites a later one and nothing
 * lands after a screen has closed. Failures stay on screen (with retry) instead of an endless "loading".
 */
import { untrack } from 'svelte';

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

export type Fetcher<K, T> = (key: K, signal: AbortSignal) => Promise<T>;

const NONE = Symbol('none');

export class Loader<K, T> {
  state = $state.raw<LoadState<T>>({ status: 'loading' });
  private key: K | typeof NONE = NONE;
  private controller: AbortController | null = null;

  constructor(
    private readonly fetcher: Fetcher<K, T>,
    private readonly same: (a: K, b: K) => boolean = Object.is,
  ) {}

  /** Loads `key` unless it is the key already loading, loaded or failed (a failure waits for `retry`). */
  request(key: K): void {
    const settledOrInFlight = this.controller !== null || this.state.status !== 'loading';
    if (this.key !== NONE && this.same(this.key, key) && settledOrInFlight) return;
    this.start(key);
  }

  /** Loads the last requested key again; the loaders below evict failed loads, so this fetches anew. */
  retry(): void {
    if (this.key !== NONE) this.start(this.key);
  }

  /** Drops the request in flight: its result or error is ignored and its signal aborted. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  get value(): T | undefined {
    return this.state.status === 'ready' ? this.state.value : undefined;
  }

  get error(): unknown {
    return this.state.status === 'error' ? this.state.error : undefined;
  }

  private start(key: K): void {
    this.cancel();
    this.key = key;
    const controller = new AbortController();
    this.controller = controller;
    this.state = { status: 'loading' };
    let pending: Promise<T>;
    try {
      pending = this.fetcher(key, controller.signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    const settle = (state: LoadState<T>) => {
      if (this.controller !== controller) return;
      this.controller = null;
      this.state = state;
    };
    pending.then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) => settle({ status: 'error', error }),
    );
  }
}

/**
 * A Loader owned by the calling component: loads `key()` at once and again whenever the key changes
 * (by `same`), and cancels when the component is destroyed. Call it during component initialisation.
 */
export function useLoader<K, T>(key: () => K, fetcher: Fetcher<K, T>, same?: (a: K, b: K) => boolean): Loader<K, T> {
  const loader = new Loader(fetcher, same);
  $effect.pre(() => {
    const k = key();
    untrack(() => loader.request(k));
  });
  $effect(() => () => loader.cancel());
  return loader;
}

/** Arrays with the same items in the same order (keys made of several ids). */
export function sameItems<V>(a: readonly V[], b: readonly V[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * Whether a failure looks like the network (a chunk or data file that did not arrive), which a retry
 * can fix, rather than broken data or a bug. Browsers word it differently; all say "import" or "fetch".
 */
export function isNetworkFailure(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /dynamically imported module|importing a module script|failed to fetch|networkerror|load failed|unable to preload/i.test(
    message,
  );
}

/** The text of an error for the "details" line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
