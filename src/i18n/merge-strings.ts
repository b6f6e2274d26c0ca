/** The merge screen's strings, registered when its chunk loads (never part of the first visit). */
import zh from './lazy/merge.zh-CN.json';
import en from './lazy/merge.en.json';
import { registerStrings } from './lazy-strings';

let done = false;
export function mergeStrings(): void {
  if (done) return;
  done = true;
  registerStrings({ 'zh-CN': zh, en });
}
