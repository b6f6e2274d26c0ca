/**
 * The notice of what in the roadmap is the tool's own judgement (stage mapping, effects, prerequisites,
 * value tags, size fit, horizons, owners, effort), with the 梯次 size rule, the closing stage's source and the
 * label of the 晨星→national mapping note: shown on the roadmap, in the report and on the method page, so
 * it is its own bundle, registered by each of them.
 */
import zh from './roadmap-ours.zh-CN.json';
import en from './roadmap-ours.en.json';
import { registerStrings } from '../lazy-strings';

export const oursStrings = (): void => registerStrings({ 'zh-CN': zh, en });
