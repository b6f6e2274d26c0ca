/**
 * Home's opening holds a place for the eviction warning while persistence is asked for, so nothing moves when it
 * arrives; on a first visit with nothing stored nothing is asked, and no empty place is left in the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import HomeIntro from '../../src/ui/components/home/HomeIntro.svelte';
import { app } from '../../src/state/app.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';

const props = { minutes: 10, empty: true, onstart: () => undefined, onexample: () => undefined };

describe('HomeIntro', () => {
  afterEach(() => {
    cleanup();
    app.nothingStored = false;
  });

  it('holds the warning’s place unseen while storage has not answered', () => {
    setLanguage('zh-CN');
    const { container } = render(HomeIntro, props);
    const held = container.querySelector('.warn-text');
    expect(held).not.toBeNull();
    expect(held).toHaveClass('held');
    expect(held).toHaveAttribute('aria-hidden', 'true');
  });

  it('holds no place on a first visit with nothing stored', () => {
    setLanguage('zh-CN');
    app.nothingStored = true;
    const { container } = render(HomeIntro, props);
    expect(container.querySelector('.warn-text')).toBeNull();
  });
});
