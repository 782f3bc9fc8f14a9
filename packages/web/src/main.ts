/**
 * The browser checker: drop, choose or paste files; each is checked by @edunorm/core in this
 * page and shown with its findings beside their lines. zh-CN by default; `#en` or the switch
 * gives English. No network: the page's Content-Security-Policy forbids every request.
 */
import { DOCUMENT_KINDS, type DocumentKind, type Locale } from '@edunorm/core';
import goodExample from '../../../examples/compliant/budget.yaml';
import badExample from '../../../examples/noncompliant/staffing.yaml';
import { checkInput, isSheet, type Input, type Outcome } from './check-input.js';
import { h } from './dom.js';
import { renderOutcome, renderSummary } from './render.js';
import { UI } from './ui-text.js';

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

async function checkAll(): Promise<void> {
  const mine = ++run;
  const result = $('result');
  if (!inputs.length) {
    result.replaceChildren();
    result.removeAttribute('data-state');
    return;
  }
  result.setAttribute('data-state', 'checking');
  result.replaceChildren(h('p', { class: 'checking' }, UI[locale].checking));
  // Let the browser paint "checking" before the work starts.
  await new Promise((r) => setTimeout(r, 0));
  const outcomes: Outcome[] = [];
  for (const input of inputs) outcomes.push(await checkInput(input, locale, sheetOptions()));
  if (mine !== run) return;
  result.replaceChildren(renderSummary(outcomes, locale), ...outcomes.map((o) => renderOutcome(o, locale)));
  result.setAttribute('data-state', 'done');
  result.setAttribute('data-ms', String(outcomes.reduce((s, o) => s + o.ms, 0)));
}

async function readFiles(files: FileList | readonly File[]): Promise<void> {
  const list = Array.from(files);
  if (!list.length) return;
  inputs = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  $('sheet-options').toggleAttribute('data-active', inputs.some((i) => isSheet(i.name)));
  await checkAll();
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
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void readFiles(e.dataTransfer.files);
  });
  // A file dropped outside the drop zone would make the browser leave the page: take it too.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer?.files.length) void readFiles(e.dataTransfer.files);
  });
  $('choose').addEventListener('click', () => picker.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      picker.click();
    }
  });
  picker.addEventListener('change', () => {
    if (picker.files) void readFiles(picker.files);
    picker.value = '';
  });
  const paste = $<HTMLTextAreaElement>('paste');
  const checkPasted = () => {
    inputs = [{ name: UI[locale].pasted, text: paste.value }];
    void checkAll();
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
    inputs = inputs.map((i) => (i.text !== undefined ? { ...i, name: UI[locale].pasted } : i));
    void checkAll();
  });
  document.body.setAttribute('data-ready', '');
}

setup();
