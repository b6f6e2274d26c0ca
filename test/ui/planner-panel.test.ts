/**
 * Issue 15, fault 8: the planner panel lists actions as steps and outcomes (q12–q15) apart, as results to
 * reach within a year of operation with the actions that drive them; every score and gap with two decimals,
 * half up; a bucket jump's effort named with what it stands for (our estimate).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import PlannerPanel from '../../src/ui/components/PlannerPanel.svelte';
import { getRubric, questionsOf, rat, isOutcome, parseCostModel } from '../../src/domain/index';
import { planLevel, type Plan } from '../../src/domain/planner/plan';
import { costModel } from '../../src/domain/planner/costs';
import costsJson from '../../rubrics/cn-sme-2024/costs.json';
import { setLanguage } from '../../src/i18n/index.svelte';
import { SCORE_40, minusOneArea, scenariosAt } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const costs = costModel(rubric);

describe('PlannerPanel', () => {
  it('never lists an outcome among the steps: it is a result with its drivers, apart', () => {
    setLanguage('zh-CN');
    // actions ruled out, so the plan must count on an outcome (q12) and also raise q11 by a bucket
    const actionsOut = Object.fromEntries(
      questionsOf(rubric)
        .filter((q) => !isOutcome(costs, q.id))
        .map((q) => [q.id, null]),
    );
    const model = parseCostModel({ ...costsJson, itemStep: { default: 1, overrides: actionsOut } }, rubric);
    const input = { answers: minusOneArea(SCORE_40), scenarios: scenariosAt(2, 6, 3) };
    const counted = planLevel(rubric, input, 2, model);
    const plan: Plan = {
      ...counted,
      cost: counted.cost + 2,
      itemSteps: [{ id: 'q11', kind: 'raise-option', from: 0, to: 1, gain: rat(47, 25), cost: 2 }],
    };
    render(PlannerPanel, { rubric, plans: [plan] });
    const steps = screen.getByTestId('plan-steps');
    const outcomes = screen.getByTestId('plan-outcomes');
    expect(steps.textContent).not.toContain('第 12 题');
    expect(steps.textContent).toContain('第 11 题 [0-10%] → (10%,20%]（+1.88）');
    expect(steps.textContent).toContain('工作量 2：按需要增加的数字化投入估算');
    expect(steps.textContent).toContain('本工具的估算');
    expect(outcomes.textContent).toContain(
      '第 12 题 绿色低碳：达到“持平”（+3.5 分），靠以下措施推动：能耗管理、设备管理、生产管控',
    );
    expect(screen.getByText(/^运营一年内要达到的结果/)).toBeTruthy();
    // the gap 5/7 = 0.714… shown like every score: 0.71, never 0.714 or 0.72
    expect(screen.getByText(/得分还差 0\.71 分/)).toBeTruthy();
    expect(within(screen.getByTestId('plan-2')).getByText('工作量 5 个单位')).toBeTruthy();
  });
});
