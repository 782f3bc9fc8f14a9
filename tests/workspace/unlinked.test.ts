import { describe, expect, it, vi } from 'vitest';
import { check, createRuleSet } from '../../packages/core/src/index.js';

const staffing = (district: string) => `apiVersion: edunorm/v1
kind: Staffing
school:
  code: "130925001"
  name: 第一小学
  level: primary
${district}fiscalYear: 2025
staff:
  - { id: T001, name: 张三, role: teacher, title: senior, annualSalary: 90000 }
  - { id: T002, name: 李四, role: teacher, title: first, annualSalary: 80000 }
`;

/**
 * A school document without `school.district` contributes nothing to the norms across
 * documents (workspace/contribution.ts): the figures of the rules it would lend are not
 * computed for it (a second engine run per document, for nothing, on every such file).
 */
describe('documents without a district link', () => {
  it('contribute nothing and compute no reused figures; linked ones still do', async () => {
    const ruleSet = createRuleSet();
    const contribute = vi.spyOn(ruleSet.workspace, 'contribute');
    const unlinked = await check(staffing(''), { ruleSet, workspace: true });
    expect(unlinked.workspace?.contributions).toEqual([]);
    expect(contribute).not.toHaveBeenCalled();
    const linked = await check(staffing('  district: "130925"\n'), { ruleSet, workspace: true });
    expect(contribute).toHaveBeenCalledTimes(1);
    const [contribution] = linked.workspace!.contributions;
    expect(contribution).toMatchObject({ kind: 'Staffing', district: '130925', code: '130925001' });
    expect(Object.keys(contribution!.figures).length).toBeGreaterThan(0);
    // The document's own findings are the same with or without the link.
    const without = (r: typeof linked) => r.findings.map((f) => [f.ruleId, f.message]);
    expect(without(unlinked)).toEqual(without(await check(staffing(''), { ruleSet })));
  });
});
