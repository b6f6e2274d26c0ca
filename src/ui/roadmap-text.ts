/** Words for roadmap data the guides store as keys: a system key becomes its name (acronyms stay as they are). */
import { t } from '../i18n/index.svelte';
import { roadmapStrings } from '../i18n/lazy/roadmap';

roadmapStrings(); // loads with the roadmap screen (RoadmapView → RoadmapStepCard → here), not with the first visit

const NAMED = new Set([
  'cloud-saas',
  'industrial-internet-platform',
  'big-data',
  'machine-vision',
  'digital-twin',
  'blockchain',
  'security',
  'IoT',
  'AI',
]);

export const systemName = (system: string): string => (NAMED.has(system) ? t(`roadmapPlan.system.${system}`) : system);
