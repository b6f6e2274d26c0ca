/**
 * The closing stage of every roadmap: seed 004 (制造业企业数字化转型实施指南) 二、(三)–(四) — evaluate the
 * results, then iterate (plan → implement → evaluate → optimise). No industry guide has it, so it is added
 * by the generator after each guide's own stages rather than copied into seven files.
 */
import type { Action, Stage } from './guide-schema';

export const CLOSING_PHASE_ID = 'iterate-optimise';

export const CLOSING_ACTION: Action = {
  id: 'iterate-optimise',
  stage: 'collaborative-development',
  title: { 'zh-CN': '评估成效，迭代优化', en: 'Evaluate the results and iterate' },
  description: {
    'zh-CN': '根据数字化成效评估结果，针对转型实施中的短板和不足，迭代解决方案版本，强化安全防护，优化实施效果。',
    en: 'Based on the results of the evaluation, iterate the solutions where the transformation falls short, strengthen security and improve the results.',
  },
  systems: [],
  advances: { questions: [], scenarios: [] },
  valueTags: ['fine-operations'],
  prerequisites: [],
  enabling: true,
  citation: {
    seed: '004_da03dfd078097c3b.txt',
    heading: '（四）推进迭代优化',
    passage: {
      'zh-CN': '企业根据数字化成效评估结果，针对转型实施中的短板和不足，迭代解决方案版本，强化安全防护，优化实施效果。',
      en: 'Based on the results of the evaluation, the enterprise iterates its solutions where the transformation falls short, strengthens security and improves the results.',
    },
  },
};

/** The closing stage as the roadmap lists it beside the guide's own stages. */
export const CLOSING_STAGE: Stage = {
  id: CLOSING_PHASE_ID,
  name: { 'zh-CN': '推进迭代优化', en: 'Iterate and optimise' },
  canonical: ['collaborative-development'],
  reason: {
    'zh-CN': '实施指南把成效评估和迭代优化列为每一轮转型的最后一步。',
    en: 'The implementation guide makes evaluation and iteration the last step of every round of transformation.',
  },
  citation: {
    seed: '004_da03dfd078097c3b.txt',
    heading: '（三）开展成效评估',
    passage: {
      'zh-CN': '开展数字化能力评价，聚焦系统易用性、标准符合性、数据质量水平等指标，梳理总结存在的问题，提出改进措施。',
      en: 'Assess digital capability — ease of use of the systems, conformity to standards, data quality — list the problems and propose improvements.',
    },
  },
};
