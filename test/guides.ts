/** Every industry guide, loaded once (they load lazily, one chunk each) for synchronous checks in tests. */
import { INDUSTRIES, type Guide, type Industry } from '../src/domain/index';
import { loadGuide } from '../src/domain/roadmap/guides';

const loaded = new Map<string, Guide>();
for (const industry of INDUSTRIES) loaded.set(industry, await loadGuide(industry));

export const getGuide = (industry: Industry | undefined): Guide => loaded.get(industry ?? 'other')!;
