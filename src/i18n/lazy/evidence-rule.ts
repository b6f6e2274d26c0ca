/** The method page's statement of what counts as evidence for the defended level (domain review/defended.ts). */
import zh from './evidence-rule.zh-CN.json';
import en from './evidence-rule.en.json';
import { registerStrings } from '../lazy-strings';

export const evidenceRuleStrings = (): void => registerStrings({ 'zh-CN': zh, en });
