// Deterministic synthetic corpus in the edunorm/v1 contract, for `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small, seeded PRNG (mulberry32): the same corpus on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';
const LEVELS = ['primary', 'junior', 'senior', 'nine-year', 'complete-secondary', 'kindergarten'];
const TITLES = ['none', 'third', 'second', 'first', 'first', 'second', 'senior', 'professor'];
const ROLES = ['teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'management', 'teaching-auxiliary', 'logistics'];

export function staffingText(r, code, name, level, count) {
  const lines = [
    `# ${name} 教职工与薪酬`,
    'apiVersion: edunorm/v1',
    'kind: Staffing',
    'school:',
    `  code: "${code}"`,
    `  name: ${name}`,
    `  level: ${level}`,
    'fiscalYear: 2025',
    'reference:',
    '  localAvgMonthlyPerformancePay: 3200',
    '  localCivilServantAvgSalary: 96000',
    'staff:',
  ];
  for (let i = 0; i < count; i++) {
    const role = ROLES[Math.floor(r() * ROLES.length)];
    const person = SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)];
    lines.push(`  - id: T${String(i + 1).padStart(5, '0')}`, `    name: ${person}`, `    role: ${role}`);
    if (role === 'teacher') {
      const base = 3500 + Math.floor(r() * 2500);
      const classTeacher = r() < 0.3;
      lines.push(
        `    title: ${TITLES[Math.floor(r() * TITLES.length)]}`,
        `    certified: ${r() < 0.97}`,
        `    hiredYear: ${2000 + Math.floor(r() * 26)}`,
        `    annualSalary: ${80000 + Math.floor(r() * 50000)}`,
        `    baseSalary: ${base}`,
        `    classTeacher: ${classTeacher}`,
        `    classTeacherAllowance: ${classTeacher ? 790 + Math.floor(r() * 300) : 0}`,
        `    trainingHours5y: ${350 + Math.floor(r() * 150)}`,
      );
      if (r() < 0.05) lines.push('    specialEducation: true', `    specialEdSubsidy: ${Math.round(base * (r() < 0.8 ? 0.15 : 0.12))}`);
      if (r() < 0.05) lines.push('    seniorTitleApplicant: true', `    ruralServiceYears: ${Math.floor(r() * 3)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function budgetText(r, code, name, level) {
  const publicFunds = 1000000 + Math.floor(r() * 5000000);
  const share = 0.04 + r() * 0.03;
  return [
    `# ${name} 年度预算`,
    'apiVersion: edunorm/v1',
    'kind: SchoolBudget',
    'school:',
    `  code: "${code}"`,
    `  name: ${name}`,
    `  level: ${level}`,
    'fiscalYear: 2025',
    'budget:',
    `  publicFunds: ${publicFunds}`,
    `  teacherTraining: ${Math.round(publicFunds * share)}`,
    '',
  ].join('\n');
}

export function districtText(r, i) {
  const lines = [
    'apiVersion: edunorm/v1',
    'kind: DistrictIndicators',
    'district:',
    `  code: "1309${String(i).padStart(2, '0')}"`,
    `  name: 第${i + 1}县`,
    '  type: county',
    'year: 2025',
    'indicators:',
    `  compulsoryRetentionRate: ${(0.96 + r() * 0.03).toFixed(3)}`,
    `  standardizedSchoolRate: ${(0.88 + r() * 0.08).toFixed(3)}`,
    `  vocationalEnrollmentShare: ${(0.4 + r() * 0.2).toFixed(3)}`,
    `  youngTeacherForums: ${Math.floor(r() * 4)}`,
    'schools:',
  ];
  for (let s = 0; s < 30; s++) {
    lines.push(`  - { code: "1309${String(i).padStart(2, '0')}${String(s).padStart(3, '0')}", name: 学校${s}, level: ${LEVELS[s % 5]}, enrollment: ${40 + Math.floor(r() * 2000)}, designation: ${['none', 'quality-senior', 'high-quality-junior', 'standardized-township-junior'][s % 4]} }`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the corpus: a city of `schools` schools (budget + staffing), districts, and (unless
 * `large: false`) the large staffing files. Seeded: the same arguments write the same bytes on
 * every machine, so figures of two runs are figures of one corpus.
 */
export function writeCorpus(root, { schools = 200, large: withLarge = true } = {}) {
  const r = rng(20251123);
  const city = join(root, 'city');
  mkdirSync(city, { recursive: true });
  for (let i = 0; i < schools; i++) {
    const code = `1309${String(i).padStart(5, '0')}`;
    const level = LEVELS[i % 5];
    const name = `第${i + 1}学校`;
    const dir = join(city, code);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'budget.yaml'), budgetText(r, code, name, level));
    writeFileSync(join(dir, 'staffing.yaml'), staffingText(r, code, name, level, 20 + Math.floor(r() * 101)));
  }
  for (let d = 0; d < 5; d++) writeFileSync(join(city, `district-${d}.yaml`), districtText(r, d));
  const large = join(root, 'large');
  if (!withLarge) return { city, large: undefined };
  mkdirSync(large, { recursive: true });
  for (const n of [60, 1000, 5000, 20000]) writeFileSync(join(large, `staffing-${n}.yaml`), staffingText(rng(n), `99${n}`, `大校${n}`, 'senior', n));
  return { city, large };
}
