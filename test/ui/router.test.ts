import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PATH_LENGTH, parseRoute, pathFromHash, readPath } from '../../src/ui/router.svelte';

const routeOf = (hash: string) => parseRoute(pathFromHash(hash));
const MALFORMED = ['#/%', '#%', '#/a/%E0%A4%A', '#/a/%E0%A4%A/results', '#/e/%ZZ', '#/rubric/%'];

describe('routing any hash', () => {
  afterEach(() => {
    history.replaceState(null, '', '#');
    vi.resetModules();
  });

  it.each(MALFORMED)('routes the malformed hash %s to the not-found page', (hash) => {
    expect(routeOf(hash)).toEqual({ name: 'not-found' });
  });

  it('routes a very long hash to the not-found page', () => {
    for (const hash of [`#/a/${'x'.repeat(1_000_000)}`, `#/${'%'.repeat(1_000_000)}`, `#${'/'.repeat(100_000)}a`])
      expect(routeOf(hash)).toEqual({ name: 'not-found' });
    expect(routeOf(`#/a/${'x'.repeat(36)}/results`)).toEqual({ name: 'results', id: 'x'.repeat(36) });
    expect(routeOf(`#/a/${'x'.repeat(MAX_PATH_LENGTH)}`)).toEqual({ name: 'not-found' });
  });

  it('still routes every well-formed hash, decoding each segment on its own', () => {
    expect(routeOf('')).toEqual({ name: 'home' });
    expect(routeOf('#/')).toEqual({ name: 'home' });
    expect(routeOf('#/rubric')).toEqual({ name: 'rubric' });
    expect(routeOf('#/a/abc/questions/q%201')).toEqual({ name: 'questions', id: 'abc', section: 'q 1' });
    expect(routeOf('#/e/%E4%BC%81%E4%B8%9A')).toEqual({ name: 'trend', enterprise: '企业' });
    // an escaped slash stays inside its segment instead of adding one
    expect(routeOf('#/a/x%2Fy/results')).toEqual({ name: 'results', id: 'x/y' });
    expect(routeOf('#/a/abc/unknown')).toEqual({ name: 'not-found' });
    // the merge: the assessments comma-separated, none to choose them; nothing below it
    expect(routeOf('#/merge')).toEqual({ name: 'merge', ids: [] });
    expect(routeOf('#/merge/a,b,,c')).toEqual({ name: 'merge', ids: ['a', 'b', 'c'] });
    expect(routeOf('#/merge/a,b/x')).toEqual({ name: 'not-found' });
  });

  it('reads a malformed hash from the address bar without throwing', () => {
    history.replaceState(null, '', '#/a/%E0%A4%A');
    expect(() => readPath()).not.toThrow();
    expect(parseRoute(readPath())).toEqual({ name: 'not-found' });
  });

  it('starts on a malformed hash (the router module loads) and follows later malformed hashes', async () => {
    history.replaceState(null, '', '#/%');
    vi.resetModules();
    const router = await import('../../src/ui/router.svelte');
    expect(router.route()).toEqual({ name: 'not-found' });
    history.replaceState(null, '', '#/rubric');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(router.route()).toEqual({ name: 'rubric' });
    history.replaceState(null, '', '#/a/%E0%A4%A');
    expect(() => window.dispatchEvent(new HashChangeEvent('hashchange'))).not.toThrow();
    expect(router.route()).toEqual({ name: 'not-found' });
  });
});
