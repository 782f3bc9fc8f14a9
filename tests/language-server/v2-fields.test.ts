/**
 * The editor knows the v2 fields of documents.md: completion offers them with their meaning,
 * hover explains them and names the norms that read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, HoverRequest, type CompletionItem, type MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.start({ locale: 'zh-cn', capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { documentationFormat: ['markdown'] } } } } });
});
afterAll(() => client.stop());

const complete = async (uri: string, line: number, character: number) => {
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return (Array.isArray(r) ? r : (r?.items ?? [])) as CompletionItem[];
};
const hover = async (uri: string, line: number, character: number) => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
};

describe('v2 fields in the editor', () => {
  it('completes the v2 keys of a school, a staff record and the district indicators with their meaning', async () => {
    await client.open('untitled:v2-staff.yaml', 'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  code: "1"\n  \nstaff:\n  - id: T1\n    \n');
    const school = await complete('untitled:v2-staff.yaml', 4, 2);
    expect(school.find((i) => i.label === 'rural')?.detail).toBe('是否乡村学校(乡镇及以下)');
    expect(school.map((i) => i.label)).toContain('district');
    const record = (await complete('untitled:v2-staff.yaml', 7, 4)).map((i) => i.label);
    expect(record).toEqual(expect.arrayContaining(['inEstablishment', 'outsourced', 'supplementaryPerformancePay', 'townshipAllowance']));

    await client.open('untitled:v2-district.yaml', 'apiVersion: edunorm/v1\nkind: DistrictIndicators\nindicators:\n  \n');
    const indicators = await complete('untitled:v2-district.yaml', 3, 2);
    expect(indicators.find((i) => i.label === 'afterSchoolServed')?.detail).toBe('其中享受校内课后服务');
    expect(indicators.map((i) => i.label)).toEqual(expect.arrayContaining(['povertyDropouts', 'vocationalPlacesAdded', 'digitalCampusCoverage']));
  });

  it('hover on a v2 field says what it is and which norm reads it', async () => {
    const uri = 'untitled:v2-budget.yaml';
    await client.open(uri, 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 一中, level: junior, pupils: 860 }\nfiscalYear: 2025\nreference:\n  perPupilPublicFundsStandard: 650\nbudget: { publicFunds: 559000, teacherTraining: 27950 }\n');
    const text = await hover(uri, 5, 5);
    expect(text).toContain('省定生均公用经费拨款标准');
    expect(text).toContain('per-pupil-public-funds');
  });
});
