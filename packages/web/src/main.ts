/**
 * The browser checker: drop, choose or paste files; each is checked by @edunorm/core in this
 * page and shown with its findings beside their lines. zh-CN by default; `#en` or the switch
 * gives English. No network: the page's Content-Security-Policy forbids every request.
 */
import { DOCUMENT_KINDS, type DocumentKind, type Locale } from '@edunorm/core';
import goodExample from '../../../examples/compliant/budget.yaml';
import badExample from '../../../examples/noncompliant/staffing.yaml';
import { mappingRows } from '@edunorm/cli/import';
import { checkInput, isSheet, type Input, type Outcome } from './check-input.js';
import { h } from './dom.js';
import { checkTogether } from './check-together.js';
import { renderOutcome, renderScopeNote, renderSummary } from './render.js';
import { FOLDER_DROPPED, UI, UNREADABLE_FILE } from './ui-text.js';

let locale: Locale = location.hash === '#en' ? 'en' : 'zh-CN';
let inputs: Input[] = [];
/** Each run gets a number; a slower earlier run never overwrites a later one's result. */
let run = 0;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function sheetOptions() {
  const value = (id: string) => ($<HTMLInputElement>(id).value.trim() || undefined);
  const kind = $<HTMLSelectElement>('sheet-kind').value as DocumentKind;
  const year = value('sheet-year');
  return {
    kind,
    given:
      kind === 'DistrictIndicators'
        ? { year }
        : { 'school.code': value('sheet-code'), 'school.name': value('sheet-name'), 'school.level': value('sheet-level'), fiscalYear: year },
  };
}

/**
 * Shows the check of `load()`'s inputs. Every input the user gives (a drop, a pick, a paste, an
 * example, a language or sheet option) takes the next run number before anything is awaited,
 * and only the latest run may show its result or replace the inputs: a slow read of a file
 * dropped first (a USB stick, a network share) can never put its verdict over the file dropped
 * after it. The last result leaves the screen at once ("checking"), never standing for new input.
 */
async function show(load: () => Promise<Input[]> | Input[]): Promise<void> {
  const mine = ++run;
  const result = $('result');
  result.setAttribute('data-state', 'checking');
  result.replaceChildren(h('p', { class: 'checking' }, UI[locale].checking));
  const loaded = await load();
  if (mine !== run) return;
  inputs = loaded;
  $('sheet-options').toggleAttribute('data-active', inputs.some((i) => isSheet(i.name)));
  if (!inputs.length) {
    result.replaceChildren();
    result.removeAttribute('data-state');
    return;
  }
  // Let the browser paint "checking" before the work starts.
  await new Promise((r) => setTimeout(r, 0));
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    outcomes.push(await checkInput(input, locale, sheetOptions()));
    if (mine !== run) return;
  }
  // The files of one drop together, as `edunorm check` checks a folder: a district's norms over its schools.
  const together = await checkTogether(outcomes, locale);
  if (mine !== run) return;
  const note = renderScopeNote(together, locale);
  result.replaceChildren(renderSummary(together, locale), ...(note ? [note] : []), ...together.map((o) => renderOutcome(o, locale)));
  result.setAttribute('data-state', 'done');
  result.setAttribute('data-ms', String(together.reduce((s, o) => s + o.ms, 0)));
}

/** Checks the inputs already given again (the language or a sheet option changed). */
const checkAll = (): Promise<void> => show(() => inputs);

/** A dropped or chosen entry: a file, or a folder (which a drop can hold; its files are not read). */
interface Entry {
  file: File;
  folder: boolean;
}

/**
 * Each entry read on its own: one that cannot be read (a folder, a file moved or changed after
 * the drop) is an input of its own with the reason, and every other file is still checked.
 */
async function readEntry({ file, folder }: Entry): Promise<Input> {
  if (folder) return { name: file.name, unreadable: FOLDER_DROPPED };
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { name: file.name, unreadable: UNREADABLE_FILE };
  }
}

function readFiles(entries: readonly Entry[]): void {
  if (!entries.length) return;
  void show(() => Promise.all(entries.map(readEntry)));
}

/** A drop's entries, folders told apart while the drop event lasts (its items are gone after it). */
function dropped(data: DataTransfer): Entry[] {
  const items = Array.from(data.items ?? []).filter((i) => i.kind === 'file');
  const files = Array.from(data.files);
  return files.map((file, i) => {
    const entry = items.length === files.length ? items[i]?.webkitGetAsEntry?.() : undefined;
    return { file, folder: entry?.isDirectory === true };
  });
}

function applyLanguage(): void {
  const t = UI[locale];
  document.documentElement.lang = t.lang;
  document.title = t.title;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const value = t[el.dataset.t as keyof typeof t];
    if (typeof value === 'string') el.textContent = value;
  }
  $<HTMLTextAreaElement>('paste').placeholder = t.pastePlaceholder;
  const toggle = $('lang');
  toggle.textContent = t.switchTo;
  toggle.setAttribute('aria-label', t.switchLabel);
  toggle.setAttribute('lang', locale === 'zh-CN' ? 'en' : 'zh-CN');
  const kind = $<HTMLSelectElement>('sheet-kind');
  const chosen = kind.value || 'Staffing';
  kind.replaceChildren(...DOCUMENT_KINDS.map((k) => h('option', { value: k, selected: k === chosen }, t.kinds[k])));
  for (const id of ['sheet-code', 'sheet-name', 'sheet-level', 'sheet-year']) $<HTMLInputElement>(id).placeholder = t.optional;
  showMapping();
}

/** The importer's header words for the chosen kind (what the sheet messages point to): the CLI's docs/import-mapping.md, on the page. */
function showMapping(): void {
  const t = UI[locale];
  const kind = $<HTMLSelectElement>('sheet-kind').value as DocumentKind;
  const mapping = $('mapping');
  mapping.querySelector('summary')!.textContent = t.mappingTitle(t.kinds[kind]);
  mapping.querySelector('thead')!.replaceChildren(h('tr', {}, ...t.mappingHead.map((c) => h('th', {}, c))));
  mapping.querySelector('tbody')!.replaceChildren(
    ...mappingRows(kind).map((r) => h('tr', { 'data-key': r.key }, h('td', {}, h('code', {}, r.key)), h('td', {}, t.mappingWhere(r.where)), h('td', {}, r.headers.join('、')))),
  );
}

function setup(): void {
  applyLanguage();
  const drop = $('drop');
  const picker = $<HTMLInputElement>('file');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    // The window's handler below would take the same drop a second time.
    e.stopPropagation();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) readFiles(dropped(e.dataTransfer));
  });
  // A file dropped outside the drop zone would make the browser leave the page: take it too.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer?.files.length) readFiles(dropped(e.dataTransfer));
  });
  $('choose').addEventListener('click', () => picker.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      picker.click();
    }
  });
  picker.addEventListener('change', () => {
    if (picker.files) readFiles(Array.from(picker.files, (file) => ({ file, folder: false })));
    picker.value = '';
  });
  const paste = $<HTMLTextAreaElement>('paste');
  const checkPasted = () => {
    const text = paste.value;
    void show(() => [{ name: UI[locale].pasted, text }]);
  };
  $('check-pasted').addEventListener('click', checkPasted);
  paste.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) checkPasted();
  });
  const example = (text: string) => () => {
    paste.value = text;
    checkPasted();
  };
  $('try-bad').addEventListener('click', example(badExample));
  $('try-good').addEventListener('click', example(goodExample));
  for (const id of ['sheet-kind', 'sheet-code', 'sheet-name', 'sheet-level', 'sheet-year']) {
    $(id).addEventListener('change', () => {
      if (id === 'sheet-kind') showMapping();
      if (inputs.some((i) => isSheet(i.name))) void checkAll();
    });
  }
  $('lang').addEventListener('click', () => {
    locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    try {
      history.replaceState(null, '', locale === 'en' ? '#en' : '#');
    } catch {
      // Some browsers refuse history changes on file:// pages; the switch works without it.
    }
    applyLanguage();
    // The name of pasted text follows the language too.
    const given = inputs;
    void show(() => given.map((i) => (i.text !== undefined ? { ...i, name: UI[locale].pasted } : i)));
  });
  document.body.setAttribute('data-ready', '');
}

setup();
