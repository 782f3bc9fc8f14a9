/**
 * The custom protocol between edunorm-language-server and the VS Code extension (other
 * clients may ignore it). One module, imported by both, so the two cannot drift apart.
 * Types and constants only: the extension bundles it without pulling in the server.
 */
export const STATUS_NOTIFICATION = 'edunorm/status';
export const CHECK_FILES_REQUEST = 'edunorm/checkFiles';
export const RULES_REQUEST = 'edunorm/rules';
/** The snippet of a new document of a kind (the extension's "New school budget file"). */
export const SKELETON_REQUEST = 'edunorm/skeleton';
/**
 * The example document of a kind, as `edunorm init` writes it (the extension's "New edunorm
 * file" and walkthrough): `{ kind }` → the text. One source, @edunorm/core's templates.
 */
export const TEMPLATE_REQUEST = 'edunorm/template';

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
  /** edunorm files that could not be checked (unreadable, or the validation failed). */
  unchecked: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** One rule as the extension lists it (`edunorm/rules`). */
export interface RuleInfo {
  id: string;
  title: string;
  /** The rule's documentation page; absent for a rule with none (a county's own rule). */
  url?: string;
  pack: string;
}
