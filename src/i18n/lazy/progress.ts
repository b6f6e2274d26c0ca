/** Comparison, trend and result-indicator strings (screens and report sections loaded on demand). */
import zh from './progress.zh-CN.json';
import en from './progress.en.json';
import { registerStrings } from '../lazy-strings';

export const progressStrings = (): void => registerStrings({ 'zh-CN': zh, en });
