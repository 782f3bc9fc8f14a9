/**
 * The example documents a new user starts from — one compliant file per document kind. One
 * source for every tool: `edunorm init` writes the budget and staffing ones, the editor's
 * "New edunorm file" command and walkthrough open any of the three. Each passes every norm of
 * the built-in pack (tests/templates.test.ts), so a user's first finding is one they made.
 */
import type { DocumentKind } from './schema/document-schemas.js';

/** A school budget (SchoolBudget) that meets the plan's norms. */
export const BUDGET_EXAMPLE = `# 示例:第八中学 2025 年度预算(符合规划要求)
# Example: a school budget that meets the plan's norms. Check it with: edunorm check examples/
apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902008"          # 学校代码(字符串,加引号)
  name: 第八中学
  level: junior              # primary | junior | senior | nine-year | complete-secondary | …
  provincialModel: false
  # district: "130925"       # 所属县(市、区)代码(可选) / county code (optional)
  # pupils: 860              # 在校生数:与下面的生均标准一起检查生均公用经费 / pupils
fiscalYear: 2025
# reference:
#   perPupilPublicFundsStandard: 650   # 省定生均公用经费拨款标准(元/生·年):公用经费应不少于 标准 × 在校生数
budget:                      # 金额单位:元,写不带逗号的数字 / yuan, plain numbers
  publicFunds: 4800000       # 年度公用经费预算总额
  teacherTraining: 300000    # 教师培训经费:6.25%,不低于 5%(也满足本县 6% 的要求)
# performancePay:            # 绩效工资(可选) / performance pay (optional)
#   approvedTotal: 3600000   # 核定绩效工资总量(元)
#   distributed: 3550000     # 实际分配的绩效工资(元):应不超过核定总量
#   serviceIncomeRewards: 0  # 中职技术服务、技术培训收益用于人员奖励部分(元),不纳入总量
`;

/** Staffing and pay (Staffing) of a school, meeting the plan's norms. */
export const STAFFING_EXAMPLE = `# 示例:第八中学 2025 年教职工与薪酬(符合规划要求)
# Example: staffing and pay that meet the plan's norms. Check it with: edunorm check examples/
apiVersion: edunorm/v1
kind: Staffing
school:
  code: "130902008"
  name: 第八中学
  level: junior
  # district: "130925"                  # 所属县(市、区)代码(可选)
  # rural: true                         # 乡村学校(乡镇及以下):检查乡镇工作补贴
fiscalYear: 2025
reference:
  localAvgMonthlyPerformancePay: 3200   # 当地教师月平均绩效工资收入(元/月)
  localCivilServantAvgSalary: 96000     # 当地公务员年平均工资收入(元/年)
  # approvedEstablishment: 30           # 核定教职工编制数:在编人数(inEstablishment: true)不得超过
  # civilServantRewardSubsidy: 12000    # 当地公务员奖励性补贴(元/人·年):在岗教师应加发同标准的补充绩效工资
  # townshipAllowanceStandard: 300      # 乡镇工作补贴标准(元/月),乡村学校适用
# Optional fields of a staff record / 教职工记录的可选字段:
#   inEstablishment: true               # 在编(同职称非在编教师同工同酬)
#   outsourced: false                   # 通过购买服务方式聘用,不计入教职工比例
#   supplementaryPerformancePay: 12000  # 本年度补充绩效工资(元/年)
#   townshipAllowance: 300              # 乡镇工作补贴(元/月)
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

/** A county's indicators (DistrictIndicators) that meet the plan's targets. */
export const DISTRICT_EXAMPLE = `# 示例:某县 2025 年教育发展指标(符合规划要求)
# Example: district indicators that meet the plan's targets. Check it with: edunorm check examples/
apiVersion: edunorm/v1
kind: DistrictIndicators
district:
  code: "130925"             # 行政区划代码(字符串,加引号)
  name: 示例县
  type: county               # county | city
year: 2025
indicators:                  # 比例写成小数:98% 写 0.98
  compulsoryRetentionRate: 0.985     # 九年义务教育巩固率,目标 98%
  standardizedSchoolRate: 1          # 义务教育阶段中小学标准化率:全市目标 92%,县域标准化学校全覆盖(100%)
  vocationalEnrollmentShare: 0.48    # 中职招生占高中阶段招生的比例,职普大体相当
  youngTeacherForums: 2              # 每学年优秀青年教师论坛或主题演讲次数(1 至 2 次)
  # povertyDropouts: 0               # 因贫失学辍学人数,应为 0
  # migrantChildrenEligible: 5200    # 符合入学条件的外来务工人员随迁子女
  # migrantChildrenInPublicSchools: 5200  # 其中在公办学校就读(应全部安排)
  # afterSchoolDemand: 30000         # 有课后服务需求的小学生
  # afterSchoolServed: 30000         # 其中享受校内课后服务(应全覆盖)
  # disabledChildrenSchoolAge: 420   # 适龄残疾儿童少年
  # disabledChildrenServed: 420      # 其中入学(全覆盖、零拒绝)
  # digitalTeachingCoverage: 1       # 2025 年起:教学应用覆盖全体教师
  # digitalLearningCoverage: 1       # 学习应用覆盖全体适龄学生
  # digitalCampusCoverage: 1         # 数字校园建设覆盖全体学校
  # vocationalPlacesAdded: 17000     # 市:2021 年以来中职累计扩建学位(目标 17000)
schools:                     # 1 所优质高中、2 所高质量初中、3 所标准化乡镇初中
  - { code: "130925001", name: 县第一中学, level: senior, enrollment: 2400, designation: quality-senior }
  - { code: "130925002", name: 县实验初中, level: junior, enrollment: 1500, designation: high-quality-junior }
  - { code: "130925003", name: 城关初中, level: junior, enrollment: 1100, designation: high-quality-junior }
  - { code: "130925004", name: 东关镇初中, level: junior, enrollment: 620, designation: standardized-township-junior }
  - { code: "130925005", name: 西河镇初中, level: junior, enrollment: 540, designation: standardized-township-junior }
  - { code: "130925006", name: 南湖镇初中, level: junior, enrollment: 480, designation: standardized-township-junior }
`;

/** The example of each document kind, by kind. */
export const DOCUMENT_TEMPLATES: Readonly<Record<DocumentKind, string>> = {
  SchoolBudget: BUDGET_EXAMPLE,
  Staffing: STAFFING_EXAMPLE,
  DistrictIndicators: DISTRICT_EXAMPLE,
};
