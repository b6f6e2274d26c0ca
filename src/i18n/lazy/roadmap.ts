/** The roadmap screen's strings (plan, quarters, step cards, the our-judgement notice): loaded with that screen. */
import zh from './roadmap-plan.zh-CN.json';
import en from './roadmap-plan.en.json';
import { registerStrings } from '../lazy-strings';
import { oursStrings } from './ours';

export const roadmapStrings = (): void => {
  registerStrings({ 'zh-CN': zh, en });
  oursStrings();
};
