/**
 * Which roadmap steps suit an enterprise's size: one rule for every guide, resting on seed 004
 * (制造业企业数字化转型实施指南, 四、(三) 中小企业实施“梯次”转型). The guides' own texts say nothing per
 * size, so the class of a step (light / deep / integrated) is our reading of its stage, systems and
 * kind — shown as such wherever the fit is shown.
 */
import type { Action, Citation } from './guide-schema';
import type { SizeClass } from '../assessment/profile';

/** light: subscription cloud services, planning and organisation; deep: retrofit of one scenario; integrated: complex, system-wide. */
export type StepWeight = 'light' | 'deep' | 'integrated';

export const SIZE_RULE_CITATION: Citation = {
  seed: '004_da03dfd078097c3b.txt',
  heading: '(三) 中小企业实施“梯次”转型',
  passage: {
    'zh-CN':
      '专精特新“小巨人”企业等基础较好的中小企业应加强关键业务系统部署应用，围绕产品数字孪生、设计制造一体化、个性化定制等复杂场景开展系统化集成改造，提升企业竞争力。省级专精特新中小企业、规上工业中小企业应以需求迫切的场景为突破口，实施重点场景深度改造。小微企业应考虑自身资源条件限制，开展普惠性上云用数赋智，积极上云上平台，充分利用工业互联网平台的云化研发设计、生产管理和运营优化等订阅式产品服务',
    en: 'Specialised "little giants" and other SMEs with a good base should deploy key business systems and carry out systematic integration around complex scenarios such as product digital twins, integrated design and manufacturing and personalised customisation. Provincial specialised SMEs and SMEs above the designated size should take their most urgent scenarios as the breakthrough and retrofit key scenarios in depth. Micro and small enterprises, given their limited resources, should move to the cloud and platforms and make full use of the subscription services of industrial internet platforms for cloud design, production management and operations.',
  },
};

// industrial-internet-platform is not here: 004 sends 小微 to the platforms' subscription services
const INTEGRATED_SYSTEMS = new Set<string>(['digital-twin', 'big-data', 'AI', 'blockchain']);

/**
 * Our class of a step: cooperation across the chain and data/AI/twin work are the "complex scenarios";
 * organisation, planning and cloud subscriptions are what 004 asks of everyone and of 小微 first; the rest is
 * the deep retrofit of one scenario.
 */
export function stepWeight(a: Pick<Action, 'stage' | 'systems' | 'enabling'>): StepWeight {
  if (a.enabling) return 'light';
  if (a.stage === 'collaborative-development' || a.systems.some((s) => INTEGRATED_SYSTEMS.has(s))) return 'integrated';
  return a.systems.length === 0 || a.systems.includes('cloud-saas') ? 'light' : 'deep';
}

/** 梯次: 小微 the light steps; 规上 and 省级专精特新 also deep retrofits; 小巨人 everything. */
const FITS: Record<SizeClass, readonly StepWeight[]> = {
  'micro-small': ['light'],
  'above-scale': ['light', 'deep'],
  'provincial-specialized': ['light', 'deep'],
  'little-giant': ['light', 'deep', 'integrated'],
};

/** True when the step suits the size (any step when the size is not known). */
export function fitsSize(a: Pick<Action, 'stage' | 'systems' | 'enabling'>, size: SizeClass | undefined): boolean {
  return size === undefined || FITS[size].includes(stepWeight(a));
}
