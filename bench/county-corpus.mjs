// A county repository for tests and the memory measurement: `districts` DistrictIndicators
// files (year 2025), each with `schools` linked schools (a Staffing and a SchoolBudget file
// each). Deterministic: the same arguments write the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LEVELS = ['primary', 'junior', 'primary', 'senior', 'kindergarten'];

/** One school's Staffing text: `teachers` teachers, every fifth a senior post, salaries around `salary`. */
export function staffingText(code, district, level, teachers, salary, year = 2025) {
  const staff = Array.from({ length: teachers }, (_, i) => `  - { id: T${String(i + 1).padStart(3, '0')}, name: 教师${i + 1}, role: teacher, title: ${i % 5 === 0 ? 'senior' : 'first'}, annualSalary: ${salary + (i % 3) * 1000} }`);
  return `apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  code: "${code}"\n  name: 学校${code}\n  level: ${level}\n  district: "${district}"\nfiscalYear: ${year}\nreference:\n  localCivilServantAvgSalary: 96000\nstaff:\n${staff.join('\n')}\n`;
}

export function budgetText(code, district, level, pupils, year = 2025) {
  return `apiVersion: edunorm/v1\nkind: SchoolBudget\nschool:\n  code: "${code}"\n  name: 学校${code}\n  level: ${level}\n  district: "${district}"\n  pupils: ${pupils}\nfiscalYear: ${year}\nbudget:\n  publicFunds: 400000\n  teacherTraining: 20000\n`;
}

export function districtText(code, schools, year = 2025) {
  const list = schools.map((s) => `  - { code: "${s.code}", name: 学校${s.code}, level: ${s.level}, enrollment: ${s.enrollment} }`);
  return `apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict:\n  code: "${code}"\n  name: 县${code}\n  type: county\nyear: ${year}\nreference:\n  localCivilServantAvgSalary: 96000\nindicators:\n  compulsoryRetentionRate: 0.985\n  standardizedSchoolRate: 0.95\nschools:\n${list.join('\n')}\n`;
}

/** Writes the county repository under `dir`; returns the folders of the districts. */
export function writeCountyCorpus(dir, { districts, schools = 10, teachers = 20 }) {
  const folders = [];
  for (let d = 0; d < districts; d++) {
    const code = String(130000 + d);
    const folder = join(dir, `district-${code}`);
    mkdirSync(join(folder, 'schools'), { recursive: true });
    const list = [];
    for (let s = 0; s < schools; s++) {
      const school = `${code}${String(s + 1).padStart(3, '0')}`;
      const level = LEVELS[s % LEVELS.length];
      // Every district's pay sits around the reference: some above, some below (findings vary).
      const salary = 92000 + ((d * 7 + s * 3) % 9) * 1000;
      writeFileSync(join(folder, 'schools', `${school}-staffing.yaml`), staffingText(school, code, level, teachers, salary));
      writeFileSync(join(folder, 'schools', `${school}-budget.yaml`), budgetText(school, code, level, 300 + s));
      list.push({ code: school, level, enrollment: s === 0 ? 299 : 300 + s });
    }
    writeFileSync(join(folder, 'district.yaml'), districtText(code, list));
    folders.push(folder);
  }
  return folders;
}
