/** The review and method screens' strings (also the report's evidence section): loaded with those screens. */
import zh from './review.zh-CN.json';
import en from './review.en.json';
import { registerStrings } from '../lazy-strings';

export const reviewStrings = (): void => registerStrings({ 'zh-CN': zh, en });
