// Issue 17 (5): the roadmap's "where to get help" shows every support entry of the guide with its source by
// document title, the seed's section heading and the verbatim passage, and says what in it is ours.
import { afterAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import RoadmapSupport from '../../src/ui/components/RoadmapSupport.svelte';
import { INDUSTRIES, loadGuide } from '../../src/domain/index';
import { setLanguage } from '../../src/i18n/index.svelte';

afterAll(() => setLanguage('zh-CN'));

describe('RoadmapSupport', () => {
  it.each(INDUSTRIES)('%s: every entry with its source title, heading and quote (zh-CN)', async (industry) => {
    await setLanguage('zh-CN');
    const guide = await loadGuide(industry);
    render(RoadmapSupport, { guide });
    const section = screen.getByTestId('roadmap-support');
    expect(section).toHaveTextContent('获取帮助');
    expect(section).toHaveTextContent('分类和简短标题是本工具的表述');
    const entries = screen.getAllByTestId('support-entry');
    expect(entries).toHaveLength(guide.support!.length);
    for (const s of guide.support!) {
      const entry = entries.find((e) => e.querySelector('span')?.textContent === s.title['zh-CN'])!;
      expect(entry, s.title['zh-CN']).toBeDefined();
      expect(entry.querySelector('summary')).toHaveTextContent(s.citation.heading);
      expect(entry.querySelector('summary')?.textContent).not.toMatch(/\.txt/);
      expect(entry.querySelector('blockquote')?.textContent).toBe(s.citation.passage['zh-CN']);
    }
    expect(section.textContent).not.toMatch(/\.txt/);
  });

  it('reads in English, the quote kept in Chinese with its translation', async () => {
    await setLanguage('en');
    const guide = await loadGuide('pharma');
    render(RoadmapSupport, { guide });
    expect(screen.getByTestId('roadmap-support')).toHaveTextContent('Where to get help');
    expect(screen.getByTestId('roadmap-support')).toHaveTextContent('Diagnosis and consulting');
    expect(screen.getByText(guide.support![0]!.citation.passage.en)).toBeInTheDocument();
  });
});
