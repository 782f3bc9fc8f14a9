/**
 * The shape of a structural check: a finding that is not a norm of the plan (the file's syntax,
 * structure, directives, configuration). Each family of checks declares its ids in one file of
 * this folder — id, default severity, zh-CN/en title, docs, and the messages its code builds —
 * as a norm's YAML file does for a norm. checks/registry.ts collects the families; SARIF rule
 * metadata, `edunorm explain`, docs/rules/*.md and the editor's links all read from there.
 */
import type { LocalizedText, Severity } from '../types.js';

/** What a structural id means and how to fix it; `edunorm explain` and docs/rules/<id>.md show it. */
export interface CheckDocs {
  explanation: LocalizedText;
  fix: LocalizedText;
  /** A checked text that gets this finding; absent when no file alone can show it (then `situation`). */
  example?: string;
  /** The example needs `--report-unused-disable-directives`. */
  reportUnused?: boolean;
  /** When there is no example: the situation in which the finding appears. */
  situation?: LocalizedText;
}

/** A structural id with its default severity, title and docs. Ids are stable. */
export interface StructuralRule {
  id: string;
  severity: Severity;
  title: LocalizedText;
  docs: CheckDocs;
  /** What reports it: a checked file (`document`), a configuration file, a rule file, or a spreadsheet being imported. */
  subject: 'document' | 'configuration' | 'rule-file' | 'spreadsheet';
  /** The file that declares it (docs pages say where to edit). */
  source: string;
}

/** A check as written in its family file (the id is the key; the family gives source and subject). */
export type CheckSpec = Omit<StructuralRule, 'id' | 'source' | 'subject'> & { subject?: StructuralRule['subject'] };

/** `{ id: spec }` → `{ id: StructuralRule }`, keeping the literal ids for the type of emitted ids. */
export function defineChecks<const T extends Record<string, CheckSpec>>(source: string, specs: T): { readonly [K in keyof T & string]: StructuralRule & { id: K } } {
  const out: Record<string, StructuralRule> = {};
  for (const [id, spec] of Object.entries(specs)) out[id] = { id, subject: 'document', ...spec, source };
  return out as { readonly [K in keyof T & string]: StructuralRule & { id: K } };
}

/** Both languages of a message or doc text. */
export const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** The head of a SchoolBudget document, for docs examples. */
export const BUDGET_HEAD = 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\n';
