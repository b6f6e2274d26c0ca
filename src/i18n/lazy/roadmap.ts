/** The roadmap screen's strings (plan, quarters, step cards): loaded with that screen. */
import zh from './roadmap-plan.zh-CN.json';
import en from './roadmap-plan.en.json';
import { registerStrings } from '../lazy-strings';

export const roadmapStrings = (): void => registerStrings({ 'zh-CN': zh, en });
