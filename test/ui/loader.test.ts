import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { Loader, isNetworkFailure, sameItems } from '../../src/state/loader.svelte';
import Lazy from '../../src/ui/components/Lazy.svelte';
import FailingScreen from './fixtures/FailingScreen.svelte';

/** A promise settled by the test. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lazy's props as its generic sees them (the fixture's own props are checked by the fixture). */
type AnyScreen = () => Promise<{ default: Component<Record<string, unknown>> }>;

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('Loader', () => {
  it('goes loading → ready', async () => {
    const loader = new Loader((n: number) => Promise.resolve(n * 2));
    loader.request(2);
    expect(loader.state).toEqual({ status: 'loading' });
    await settled();
    expect(loader.state).toEqual({ status: 'ready', value: 4 });
    expect(loader.value).toBe(4);
  });

  it('shows a rejected load as an error, and a retry loads again and succeeds', async () => {
    const fetcher = vi.fn<(key: string) => Promise<string>>();
    fetcher.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: x.js'));
    fetcher.mockResolvedValueOnce('guide');
    const loader = new Loader(fetcher);
    loader.request('other');
    await settled();
    expect(loader.state.status).toBe('error');
    expect(isNetworkFailure(loader.error)).toBe(true);
    // asking again for the same key does not loop on a failure; retry does
    loader.request('other');
    expect(fetcher).toHaveBeenCalledTimes(1);
    loader.retry();
    expect(loader.state).toEqual({ status: 'loading' });
    await settled();
    expect(loader.state).toEqual({ status: 'ready', value: 'guide' });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('turns a fetcher that throws at once into an error', async () => {
    const loader = new Loader(() => {
      throw new Error('broken data');
    });
    loader.request(1);
    await settled();
    expect(loader.state.status).toBe('error');
    expect(isNetworkFailure(loader.error)).toBe(false);
  });

  it('ignores the result of a request that is no longer current', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const loader = new Loader((key: string) => (key === 'a' ? slow.promise : fast.promise));
    loader.request('a');
    loader.request('b');
    fast.resolve('B');
    await settled();
    slow.resolve('A');
    await settled();
    expect(loader.value).toBe('B');
  });

  it('does not load the same key twice, and compares keys with the given equality', async () => {
    const fetcher = vi.fn((ids: string[]) => Promise.resolve(ids.join()));
    const loader = new Loader(fetcher, sameItems);
    loader.request(['a', 'b']);
    loader.request(['a', 'b']);
    await settled();
    loader.request(['a', 'b']);
    expect(fetcher).toHaveBeenCalledTimes(1);
    loader.request(['b', 'a']);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('cancel aborts the request in flight and drops its result; a later request loads again', async () => {
    const pending = deferred<string>();
    let signal: AbortSignal | undefined;
    const loader = new Loader((_: string, s: AbortSignal) => {
      signal = s;
      return pending.promise;
    });
    loader.request('x');
    loader.cancel();
    expect(signal?.aborted).toBe(true);
    pending.resolve('late');
    await settled();
    expect(loader.state).toEqual({ status: 'loading' });
    loader.request('x');
    expect(signal?.aborted).toBe(false);
  });
});

describe('Lazy screens', () => {
  it('shows a chunk that failed to load as a translated error with retry, and the screen after the retry', async () => {
    const load = vi.fn<() => Promise<{ default: Component<{ fail: () => boolean }> }>>();
    load.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: Results.js'));
    load.mockResolvedValueOnce({ default: FailingScreen });
    render(Lazy, { props: { load: load as unknown as AnyScreen, props: { fail: () => false } } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('没有加载成功');
    expect(alert).toHaveTextContent('Results.js');
    await fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('heading', { name: 'screen shown' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('catches an error thrown inside a derived value of a screen and renders it again on retry', async () => {
    let broken = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(Lazy, {
      props: {
        load: (() => Promise.resolve({ default: FailingScreen })) as unknown as AnyScreen,
        props: { fail: () => broken },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('出错了，无法显示');
    expect(alert).toHaveTextContent('domain error in a derived value');
    broken = false;
    await fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('heading', { name: 'screen shown' })).toBeInTheDocument();
    errors.mockRestore();
  });
});
