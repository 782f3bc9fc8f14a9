/**
 * What `edunorm init` writes: a commented configuration and two example submissions that
 * pass every norm of the built-in pack under that configuration.
 */

/**
 * The configuration states the built-in defaults explicitly, so `init` changes no result:
 * a bureau sees where to raise a threshold ("并适当提高标准") without being made stricter
 * by surprise. Rule lines for ids the installed pack lacks are written as comments, so the
 * file stays valid with any version of the pack.
 */
export function configTemplate(knownRuleIds: ReadonlySet<string>): string {
  const rule = (id: string, lines: string) => (knownRuleIds.has(id) ? lines : lines.replace(/^/gm, '# '));
  return `# edunorm.config.yaml — nearest one from each checked file's folder upward applies
# edunorm.config.yaml:从每个被检查文件所在的文件夹向上查找,最近的一个生效。
# Use another one for every file with: edunorm check --config FILE
# See the rules and their parameters with: edunorm rules / edunorm explain <id>

extends:
  - edunorm:plan14          # the built-in pack (the plan's 19 norms) / 内置规则包(规划中的 19 条规范)
  # - ./county-rules        # a folder of rule files, same format as rules/plan14 / 本地规则文件夹
  # - @county/edunorm-rules # an npm package with rule files / npm 包形式的规则包

# Per rule: off | info | warning | error, or { severity, params }.
# 每条规则可设:off(关闭)| info | warning | error,或 { severity, params }。
rules:
${rule(
  'teacher-training-funds',
  `  teacher-training-funds:
    params: { minShare: 0.05 }     # the plan's 5%; 并适当提高标准:本县要求 6% 时改为 0.06`,
)}
${rule('teacher-training-hours', `  teacher-training-hours: warning   # off | info | warning | error`)}
`;
}

export const BUDGET_EXAMPLE = `# 示例:第八中学 2025 年度预算(符合规划要求)
# Example: a school budget that meets the plan's norms. Check it with: edunorm check examples/
apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902008"          # 学校代码(字符串,加引号)
  name: 第八中学
  level: junior              # primary | junior | senior | nine-year | complete-secondary | …
  provincialModel: false
fiscalYear: 2025
budget:                      # 金额单位:元,写不带逗号的数字 / yuan, plain numbers
  publicFunds: 4800000       # 年度公用经费预算总额
  teacherTraining: 300000    # 教师培训经费:6.25%,不低于 5%(也满足本县 6% 的要求)
`;

export const STAFFING_EXAMPLE = `# 示例:第八中学 2025 年教职工与薪酬(符合规划要求)
# Example: staffing and pay that meet the plan's norms. Check it with: edunorm check examples/
apiVersion: edunorm/v1
kind: Staffing
school:
  code: "130902008"
  name: 第八中学
  level: junior
fiscalYear: 2025
reference:
  localAvgMonthlyPerformancePay: 3200   # 当地教师月平均绩效工资收入(元/月)
  localCivilServantAvgSalary: 96000     # 当地公务员年平均工资收入(元/年)
staff:                                  # 工号 id 在名单内唯一
  - { id: T001, name: 张三, role: teacher, title: senior, certified: true, hiredYear: 2008, annualSalary: 118000, baseSalary: 5200, classTeacher: true, classTeacherAllowance: 900, trainingHours5y: 420 }
  - { id: T002, name: 李梅, role: teacher, title: senior, certified: true, hiredYear: 2006, annualSalary: 121000, baseSalary: 5400, trainingHours5y: 390 }
  - { id: T003, name: 王强, role: teacher, title: senior, certified: true, hiredYear: 2010, annualSalary: 112000, baseSalary: 5000, classTeacher: true, classTeacherAllowance: 800, trainingHours5y: 366 }
  - { id: T004, name: 赵丽, role: teacher, title: first, certified: true, hiredYear: 2013, annualSalary: 101000, baseSalary: 4600, classTeacher: true, classTeacherAllowance: 850, trainingHours5y: 380, seniorTitleApplicant: true, ruralServiceYears: 2 }
  - { id: T005, name: 刘洋, role: teacher, title: first, certified: true, hiredYear: 2014, annualSalary: 99000, baseSalary: 4500, trainingHours5y: 372 }
  - { id: T006, name: 陈静, role: teacher, title: first, certified: true, hiredYear: 2015, annualSalary: 98000, baseSalary: 4400, specialEducation: true, specialEdSubsidy: 660, trainingHours5y: 400 }
  - { id: T007, name: 杨帆, role: teacher, title: first, certified: true, hiredYear: 2016, annualSalary: 97000, baseSalary: 4300, classTeacher: true, classTeacherAllowance: 800, trainingHours5y: 361 }
  - { id: T008, name: 黄磊, role: teacher, title: second, certified: true, hiredYear: 2018, annualSalary: 92000, baseSalary: 4100, trainingHours5y: 360 }
  - { id: T009, name: 周敏, role: teacher, title: second, certified: true, hiredYear: 2019, annualSalary: 90000, baseSalary: 4000, classTeacher: true, classTeacherAllowance: 820, trainingHours5y: 365 }
  - { id: T010, name: 吴婷, role: teacher, title: second, certified: true, hiredYear: 2020, annualSalary: 88000, baseSalary: 3900, trainingHours5y: 362 }
  - { id: T011, name: 徐刚, role: teacher, title: second, certified: true, hiredYear: 2021, annualSalary: 87000, baseSalary: 3800, trainingHours5y: 370 }
  - { id: T012, name: 孙悦, role: teacher, title: third, certified: true, hiredYear: 2023, annualSalary: 84000, baseSalary: 3600 }
  - { id: T013, name: 马超, role: teacher, title: none, certified: true, hiredYear: 2025, annualSalary: 80000, baseSalary: 3500 }
  - { id: T014, name: 朱琳, role: teacher, title: first, certified: true, hiredYear: 2012, annualSalary: 100000, baseSalary: 4600, trainingHours5y: 384 }
  - { id: T015, name: 胡军, role: teacher, title: second, certified: true, hiredYear: 2017, annualSalary: 93000, baseSalary: 4100, trainingHours5y: 368 }
  - { id: M001, name: 郭校长, role: management, title: senior }
  - { id: L001, name: 何师傅, role: logistics }
`;
