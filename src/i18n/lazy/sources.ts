/**
 * How the rubric's source is named (rubric page, method page, report): the national standard first, then the
 * document its text was taken from — never a file name. Registered by each of those lazily loaded screens.
 */
import zh from './sources.zh-CN.json';
import en from './sources.en.json';
import { registerStrings } from '../lazy-strings';

export const sourceStrings = (): void => registerStrings({ 'zh-CN': zh, en });
