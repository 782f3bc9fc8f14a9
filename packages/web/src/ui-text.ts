/** Every word the page shows, in zh-CN and en (findings themselves come localized from the core). */
import type { Locale, LocalizedText, Severity } from '@edunorm/core';

/** Why a dropped entry was not read (shown after “无法读取此文件:”), in both languages: the input keeps it across a language switch. */
export const FOLDER_DROPPED: LocalizedText = {
  'zh-CN': '这是一个文件夹,其中的文件都未检查。请打开文件夹,选中其中的 YAML 或表格文件,再拖进来。',
  en: 'this is a folder; none of its files was checked. Open the folder, select the YAML or sheet files in it, and drop those.',
};
export const UNREADABLE_FILE: LocalizedText = {
  'zh-CN': '拖入后文件被移动、删除或修改,读不到内容,未检查。请重新拖入。',
  en: 'the file was moved, deleted or changed after it was dropped and could not be read; it was not checked. Drop it again.',
};

export interface UiText {
  lang: string;
  title: string;
  intro: string;
  privacy: string;
  switchTo: string;
  switchLabel: string;
  dropTitle: string;
  dropHint: string;
  choose: string;
  pasteLabel: string;
  pastePlaceholder: string;
  checkPasted: string;
  tryLabel: string;
  tryBad: string;
  tryGood: string;
  sheetOptions: string;
  sheetHint: string;
  mappingTitle: (kind: string) => string;
  mappingHead: [string, string, string];
  mappingWhere: (where: string) => string;
  kind: string;
  kinds: Record<'Staffing' | 'SchoolBudget' | 'DistrictIndicators', string>;
  schoolCode: string;
  schoolName: string;
  level: string;
  fiscalYear: string;
  optional: string;
  checking: string;
  allClear: string;
  allClearDetail: string;
  found: (total: number, counts: Record<Severity, number>) => string;
  severity: Record<Severity, string>;
  lineCol: (line: number, column: number) => string;
  cell: (cell: string) => string;
  fix: string;
  citation: string;
  rule: string;
  notEdunorm: string;
  /** The same for pasted text, which is no file. */
  notEdunormPasted: string;
  /** An edunorm.config.yaml dropped or pasted: ours, but no submission. */
  configFile: string;
  /** Under the summary when a district's file is among those checked: its county norms counted only the schools dropped with it. */
  countyScope: string;
  /** Under the summary when an edunorm.config.yaml was dropped: the page checks with the built-in rules. */
  configNotApplied: string;
  documents: (n: number, ms: number) => string;
  generated: string;
  pasted: string;
  readError: string;
  /** `pasted`: what was not checked is the pasted text (no file was given). */
  notChecked: (n: number, pasted: boolean) => string;
  sheetProblem: string;
  footer: string;
}

export const UI: Record<Locale, UiText> = {
  'zh-CN': {
    lang: 'zh-CN',
    title: 'edunorm 合规检查',
    intro: '检查学校年度预算、教职工名册和市县教育发展指标是否符合“十四五”规划的量化要求。每个问题都说明在第几行、差多少、依据规划中的哪一句话、怎么改。',
    privacy: '文件只在这台电脑上读取和检查,不会上传到任何地方;断网也能用。',
    switchTo: 'English',
    switchLabel: 'Switch to English',
    dropTitle: '把文件拖到这里',
    dropHint: '支持 edunorm YAML 文件(.yaml、.yml),以及 Excel 表格(.xlsx)和 CSV 表格(.csv)',
    choose: '选择文件…',
    pasteLabel: '或者把 YAML 内容粘贴到下面',
    pastePlaceholder: 'apiVersion: edunorm/v1\nkind: SchoolBudget\n…',
    checkPasted: '检查粘贴的内容',
    tryLabel: '试一试:',
    tryBad: '不符合要求的示例',
    tryGood: '符合要求的示例',
    sheetOptions: '表格选项(.xlsx、.csv)',
    sheetHint: '表格会按下面的列名对照表转换成 YAML 后再检查。表格里已有学校信息时,下面的学校信息可以不填。',
    mappingTitle: (kind) => `列名对照表:${kind}`,
    mappingHead: ['字段', '在表格中的位置', '可用的列名或字段名(除字段本身的中文名外)'],
    mappingWhere: (where) => (where === 'block' ? '表头上方,名称与值并排' : `名册的一列(${where})`),
    kind: '表格内容',
    kinds: { Staffing: '教职工名册(Staffing)', SchoolBudget: '学校年度预算(SchoolBudget)', DistrictIndicators: '市县教育发展指标(DistrictIndicators)' },
    schoolCode: '学校代码',
    schoolName: '学校名称',
    level: '学段(如 小学、初中)',
    fiscalYear: '年度',
    optional: '选填',
    checking: '正在检查…',
    allClear: '全部符合要求',
    allClearDetail: '没有发现问题。',
    found: (total, c) => `发现 ${total} 个问题:错误 ${c.error} 个,警告 ${c.warning} 个,提示 ${c.info} 个`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    lineCol: (line, column) => `第 ${line} 行,第 ${column} 列`,
    cell: (cell) => `表格位置 ${cell}`,
    fix: '怎么改',
    citation: '依据',
    rule: '规则编号',
    notEdunorm: '这不是 edunorm 文件:文件开头应有 apiVersion: edunorm/v1。没有检查。',
    notEdunormPasted: '粘贴的内容不是 edunorm 文件:开头应有 apiVersion: edunorm/v1。没有检查。',
    configFile: '这是 edunorm 的配置文件(edunorm.config.yaml),不是报送的数据,本页不检查它:配置由命令行和 VS Code 扩展读取。请拖入学校或区县报送的 YAML 文件,或 Excel 表格。',
    countyScope: '县域检查(县域教师平均工资、县域高级教师岗位比例、县指标文档中的学校名单和在校生数等)只统计与县指标文档一起拖入的学校文件:要检查全县,请把该县所有学校的预算和教职工文件一起拖进来。',
    configNotApplied: '本页按内置规则检查,没有采用拖入的 edunorm.config.yaml 中的设置;要按其中的设置检查,请在命令行运行 edunorm check 加上文件夹,或在 VS Code 中打开该文件夹。',
    documents: (n, ms) => `检查了 ${n} 个文档,用时 ${ms} 毫秒`,
    generated: '由表格生成的 YAML(可复制保存)',
    pasted: '粘贴的内容',
    readError: '无法读取此文件',
    notChecked: (n, pasted) => (pasted ? '粘贴的内容未能检查(见下方说明)' : `${n} 个文件未能检查(见下方说明)`),
    sheetProblem: '表格中的问题',
    footer: 'edunorm · 依据《“十四五”规划前期调研报告》和《“双提升”专题报告》',
  },
  en: {
    lang: 'en',
    title: 'edunorm compliance check',
    intro: "Checks school budgets, staff lists and district indicators against the quantitative norms of the 14th Five-Year Plan. Every finding says on which line, by how much, which sentence of the plan requires it, and how to fix it.",
    privacy: 'Your files are read and checked on this computer only and never uploaded; it works offline.',
    switchTo: '中文',
    switchLabel: '切换到中文',
    dropTitle: 'Drop files here',
    dropHint: 'edunorm YAML files (.yaml, .yml), Excel workbooks (.xlsx) and CSV sheets (.csv)',
    choose: 'Choose files…',
    pasteLabel: 'or paste YAML below',
    pastePlaceholder: 'apiVersion: edunorm/v1\nkind: SchoolBudget\n…',
    checkPasted: 'Check the pasted text',
    tryLabel: 'Try it:',
    tryBad: 'a non-compliant example',
    tryGood: 'a compliant example',
    sheetOptions: 'Sheet options (.xlsx, .csv)',
    sheetHint: 'A sheet is converted to YAML with the table of header words below, then checked. When the sheet names its school, the school fields below may stay empty.',
    mappingTitle: (kind) => `Table of header words: ${kind}`,
    mappingHead: ['Field', 'Where in the sheet', 'Header words it is read from (besides its own Chinese name)'],
    mappingWhere: (where) => (where === 'block' ? 'above the table, a label beside its value' : `a column of the list (${where})`),
    kind: 'The sheet holds',
    kinds: { Staffing: 'a staff list (Staffing)', SchoolBudget: 'a school budget (SchoolBudget)', DistrictIndicators: 'district indicators (DistrictIndicators)' },
    schoolCode: 'School code',
    schoolName: 'School name',
    level: 'School level (e.g. primary)',
    fiscalYear: 'Year',
    optional: 'optional',
    checking: 'Checking…',
    allClear: 'Everything complies',
    allClearDetail: 'No findings.',
    found: (total, c) => `${total} finding${total === 1 ? '' : 's'}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    lineCol: (line, column) => `line ${line}, column ${column}`,
    cell: (cell) => `sheet cell ${cell}`,
    fix: 'How to fix',
    citation: 'Source',
    rule: 'Rule',
    notEdunorm: 'This is not an edunorm file: it should start with apiVersion: edunorm/v1. Nothing was checked.',
    notEdunormPasted: 'The pasted text is not an edunorm file: it should start with apiVersion: edunorm/v1. Nothing was checked.',
    configFile: 'This is an edunorm configuration file (edunorm.config.yaml), not submitted data; this page does not check it: the command line and the VS Code extension read it. Drop a school\'s or district\'s YAML submission, or a sheet.',
    countyScope: "The county norms (county-wide teacher pay, the county-wide senior-post share, the district's school list and enrolments, and more) counted only the school files dropped together with the district's file: to check the whole county, drop all its schools' budget and staffing files together.",
    configNotApplied: 'This page checks with the built-in rules; the settings of the dropped edunorm.config.yaml were not applied. To check with them, run edunorm check on the folder, or open the folder in VS Code.',
    documents: (n, ms) => `${n} document${n === 1 ? '' : 's'} checked in ${ms} ms`,
    generated: 'YAML generated from the sheet (copy and save it)',
    pasted: 'Pasted text',
    readError: 'This file cannot be read',
    notChecked: (n, pasted) => (pasted ? 'The pasted text was not checked (see below)' : `${n} file${n === 1 ? ' was' : 's were'} not checked (see below)`),
    sheetProblem: 'Problems in the sheet',
    footer: 'edunorm · norms of the 14th Five-Year Plan preliminary report and the “double improvement” report',
  },
};
