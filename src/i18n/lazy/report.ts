/** The report's strings (summary, filled-in form, 晨星工厂 report, Word and Excel): loaded with the report code. */
import summaryZh from './report-summary.zh-CN.json';
import summaryEn from './report-summary.en.json';
import officeZh from './office.zh-CN.json';
import officeEn from './office.en.json';
import { registerStrings } from '../lazy-strings';
import { oursStrings } from './ours';
import { sourceStrings } from './sources';

export function reportStrings(): void {
  registerStrings({ 'zh-CN': summaryZh, en: summaryEn });
  registerStrings({ 'zh-CN': officeZh, en: officeEn });
  oursStrings(); // the roadmap section's notice of what is our judgement
  sourceStrings(); // the rubric's source: the standard, then where its text was taken from
}
