/** Custom messages the edunorm language server understands (see packages/language-server/src/server.ts). */
export const STATUS_NOTIFICATION = 'edunorm/status';
export const CHECK_FILES_REQUEST = 'edunorm/checkFiles';
export const RULES_REQUEST = 'edunorm/rules';
export const SKELETON_REQUEST = 'edunorm/skeleton';

export interface StatusParams {
  uri: string;
  version: number;
  edunorm: boolean;
  packs: string[];
  configFile?: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckFilesResult {
  files: number;
  checked: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface RuleInfo {
  id: string;
  title: string;
  url: string;
  pack: string;
}
