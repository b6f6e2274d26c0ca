/** The cohort screens' strings, registered when their chunk loads (never part of the first visit). */
import zh from './lazy/cohort.zh-CN.json';
import en from './lazy/cohort.en.json';
import { registerStrings } from './lazy-strings';

let done = false;
export function cohortStrings(): void {
  if (done) return;
  done = true;
  registerStrings({ 'zh-CN': zh, en });
}
