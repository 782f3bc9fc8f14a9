/**
 * The editor's edits as offsets (text-changes.ts) and the findings as a difference from the
 * last result (findings-delta.ts): what the validation worker is sent and sends back instead of
 * whole texts and whole findings. Whatever the edits, the worker must validate the very text
 * the client has, the incremental check must give what a check from scratch gives, and the
 * main thread must rebuild exactly the findings the worker made.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../packages/core/src/index.js';
import { check } from '../../packages/core/src/check.js';
import { buildOutline } from '../../packages/core/src/parse/outline.js';
import { IncrementalChecker } from '../../packages/core/src/incremental-check.js';
import { DocumentModels } from '../../packages/language-server/src/document-models.js';
import { NO_SHIFT, decodeFindings, encodeFindings, moved, sameMoved, shiftOf, type Shift } from '../../packages/language-server/src/findings-delta.js';
import { EditedDocument } from '../../packages/language-server/src/edited-document.js';
import { ChangeHistory, applyChanges, enclosingRange, type TextChange } from '../../packages/language-server/src/text-changes.js';
import { WorkerValidation } from '../../packages/language-server/src/validation-service.js';
import { Validator } from '../../packages/language-server/src/validator.js';
import { rng, staffingText } from '../../bench/corpus.mjs';
import { TestClient } from './lsp-client.js';

const STAFFING = staffingText(rng(11), '99011', '同步学校', 'senior', 30);
/** Enough people for a few dozen findings. */
const MANY = staffingText(rng(12), '99012', '同步中学', 'senior', 300);
const PIECES = ['0', '7', '12', ' ', ':', ': ', '\n', '\n    ', '\n  - ', '#', '"', 'x', '王', '😀', 'role: teacher', 'annualSalary: 1', '\r\n', ''];

/** An edit as a share of the text's length, so it fits whatever text it meets. */
const editArb = fc.record({
  at: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 30 })),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((a) => a.join('')),
});
type EditShare = { at: number; remove: number; insert: string };

function changeFor(text: string, e: EditShare): TextChange {
  const start = Math.floor(e.at * text.length);
  return { start, end: Math.min(text.length, start + e.remove), text: e.insert };
}

/** A TextDocument's LSP range for offsets of its current text. */
function lspRange(doc: TextDocument, c: TextChange) {
  return { start: doc.positionAt(c.start), end: doc.positionAt(c.end) };
}

describe('text changes: the client\'s edits as offsets', () => {
  it('every notification\'s edits, recorded and replayed, make the text the client has; their enclosing range holds every difference', () => {
    fc.assert(
      fc.property(fc.array(fc.array(editArb, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (notifications) => {
        const history = new ChangeHistory();
        const config = history.documents();
        const uri = 'file:///sync.yaml';
        const doc = config.create(uri, 'yaml', 1, STAFFING);
        const expected = TextDocument.create(uri, 'yaml', 1, STAFFING);
        const texts = [STAFFING];
        let version = 1;
        for (const edits of notifications) {
          // Each edit's range is in the text the edits before it in the same notification left.
          const changes = [];
          let scratch = expected.getText();
          for (const e of edits) {
            const c = changeFor(scratch, e);
            const probe = TextDocument.create(uri, 'yaml', 0, scratch);
            changes.push({ range: lspRange(probe, c), text: c.text });
            scratch = applyChanges(scratch, [c]);
          }
          version++;
          config.update(doc, changes, version);
          TextDocument.update(expected, changes, version);
          expect(doc.getText()).toBe(expected.getText());
          expect(doc.getText()).toBe(scratch);
          texts.push(scratch);
        }
        // From every earlier version to the last: the edits replay to the text, and outside their range nothing differs.
        const last = texts.at(-1)!;
        for (let since = 1; since <= version; since++) {
          const changes = history.since(uri, since, version)!;
          expect(changes).toBeDefined();
          const base = texts[since - 1]!;
          expect(applyChanges(base, changes)).toBe(last);
          const range = enclosingRange(changes);
          if (!range) {
            expect(last).toBe(base);
            continue;
          }
          expect(last.slice(0, range.from)).toBe(base.slice(0, range.from));
          expect(last.slice(range.newTo)).toBe(base.slice(range.oldTo));
          expect(base.length - range.oldTo).toBe(last.length - range.newTo);
          // Not necessarily the smallest range (deleting a "0" of "a00b" may be either), but inside both texts.
          expect(range.from >= 0 && range.oldTo <= base.length && range.newTo <= last.length && range.from <= range.oldTo && range.from <= range.newTo).toBe(true);
        }
      }),
      { numRuns: 150, seed: 21 },
    );
  });

  it('a history that cannot say gives nothing: a whole replacement, a version never seen, one forgotten, versions out of order', () => {
    const h = new ChangeHistory();
    h.record('a', 1, undefined);
    h.record('a', 2, [{ start: 0, end: 0, text: 'x' }]);
    h.record('a', 3, undefined); // the client sent the whole text
    h.record('a', 4, [{ start: 1, end: 2, text: '' }]);
    expect(h.since('a', 1, 2)).toEqual([{ start: 0, end: 0, text: 'x' }]);
    expect(h.since('a', 2, 4)).toBeUndefined();
    expect(h.since('a', 3, 4)).toEqual([{ start: 1, end: 2, text: '' }]);
    expect(h.since('a', 4, 4)).toEqual([]);
    expect(h.since('a', 0, 4)).toBeUndefined();
    expect(h.since('a', 3, 9)).toBeUndefined();
    expect(h.since('b', 1, 2)).toBeUndefined();
    h.record('a', 2, [{ start: 0, end: 0, text: 'y' }]); // a version that went back: nothing before it is trusted
    expect(h.since('a', 1, 2)).toBeUndefined();
    expect(h.since('a', 3, 4)).toBeUndefined();
    h.forget('a');
    expect(h.since('a', 2, 2)).toEqual([]);
    expect(h.since('a', 1, 2)).toBeUndefined();
  });

  it('a history keeps so much: past 256 versions or a megabyte of typing, the oldest go (the whole text is sent instead)', () => {
    const h = new ChangeHistory();
    h.record('a', 1, undefined);
    for (let v = 2; v <= 300; v++) h.record('a', v, [{ start: 0, end: 0, text: 'x' }]);
    expect(h.since('a', 1, 300)).toBeUndefined();
    expect(h.since('a', 100, 300)).toHaveLength(200);
    h.record('a', 301, [{ start: 0, end: 0, text: 'y'.repeat(1 << 20) }]);
    expect(h.since('a', 299, 301)).toBeUndefined();
    expect(h.since('a', 300, 301)).toHaveLength(1);
  });

  it('an edit outside the text is refused, never applied short', () => {
    expect(() => applyChanges('abc', [{ start: 2, end: 5, text: '' }])).toThrow(RangeError);
    expect(() => applyChanges('abc', [{ start: 2, end: 1, text: '' }])).toThrow(RangeError);
    expect(applyChanges('abc', [{ start: 3, end: 3, text: 'd' }, { start: 0, end: 1, text: '' }])).toBe('bcd');
  });
});

describe('the open document without a copy per keystroke', () => {
  const line = fc.integer({ min: -2, max: 60 });
  const character = fc.integer({ min: -2, max: 90 });
  const position = fc.record({ line, character });
  const change = fc.oneof(
    { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.array(fc.constantFrom(...PIECES, '\r', '\n\r', 'ab\r\ncd'), { maxLength: 3 }).map((a) => a.join('')) }) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a\r\nb', STAFFING.slice(0, 300)).map((text) => ({ text })) },
  );

  it('reads as vscode-languageserver-textdocument after every edit: text, lines, positions, offsets, ranges, line ends', () => {
    fc.assert(
      fc.property(fc.constantFrom(STAFFING.slice(0, 2000), STAFFING.slice(0, 2000).replace(/\n/g, '\r\n'), '', 'x\r'), fc.array(fc.array(change, { maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.array(position, { minLength: 5, maxLength: 5 }), (base, notifications, probes) => {
        const ours = new EditedDocument('file:///d.yaml', 'yaml', 1, base);
        // The reference: each edit applied by the library's offsets in a document made afresh from
        // the text (its own incremental line offsets break on a range past the last line).
        let text = base;
        let version = 1;
        for (const changes of notifications) {
          version++;
          ours.update(changes, version);
          for (const c of changes) {
            const fresh = TextDocument.create('file:///d.yaml', 'yaml', 0, text);
            if ('range' in c) {
              const { start, end } = c.range.start.line > c.range.end.line || (c.range.start.line === c.range.end.line && c.range.start.character > c.range.end.character) ? { start: c.range.end, end: c.range.start } : c.range;
              text = text.slice(0, fresh.offsetAt(start)) + c.text + text.slice(fresh.offsetAt(end));
            } else text = c.text;
          }
          const theirs = TextDocument.create('file:///d.yaml', 'yaml', version, text);
          expect(ours.getText()).toBe(theirs.getText());
          expect(ours.version).toBe(version);
          expect(ours.lineCount).toBe(theirs.lineCount);
          for (const p of probes) {
            expect(ours.offsetAt(p)).toBe(theirs.offsetAt(p));
            expect(ours.getText({ start: p, end: { line: p.line + 1, character: 3 } })).toBe(theirs.getText({ start: p, end: { line: p.line + 1, character: 3 } }));
            expect(ours.getLineRange(p.line)).toEqual(theirs.getLineRange(p.line));
            expect(ours.getEOLCharacters(p.line)).toBe(theirs.getEOLCharacters(p.line));
          }
          for (let o = -1; o <= text.length + 1; o += 37) expect(ours.positionAt(o)).toEqual(theirs.positionAt(o));
        }
      }),
      { numRuns: 300, seed: 25 },
    );
  });

  // One change per notification: a later change's range is in the text the one before left, which the probe below does not know.
  it('matches the library edit for edit while ranges stay inside the text, its incremental line offsets included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ at: fc.integer({ min: 0, max: 1999 }), to: fc.integer({ min: 0, max: 40 }), text: fc.constantFrom(...PIECES, '\r', 'ab\r\ncd') }), { maxLength: 1 }), { minLength: 1, maxLength: 20 }), (notifications) => {
        const base = STAFFING.slice(0, 2000);
        const ours = new EditedDocument('file:///d.yaml', 'yaml', 1, base);
        const theirs = TextDocument.create('file:///d.yaml', 'yaml', 1, base);
        let version = 1;
        for (const edits of notifications) {
          const changes = edits.map((e) => {
            const length = theirs.getText().length;
            return { range: { start: theirs.positionAt(e.at % (length + 1)), end: theirs.positionAt(Math.min(length, (e.at % (length + 1)) + e.to)) }, text: e.text };
          });
          version++;
          ours.update(changes, version);
          TextDocument.update(theirs, changes, version);
          expect(ours.getText()).toBe(theirs.getText());
          expect(ours.lineCount).toBe(theirs.lineCount);
          for (let o = 0; o <= theirs.getText().length; o += 41) expect(ours.positionAt(o)).toEqual(theirs.positionAt(o));
        }
      }),
      { numRuns: 200, seed: 26 },
    );
  });

  it('holds few pieces however long the typing: past 64 they are joined into one', () => {
    const doc = new EditedDocument('file:///d.yaml', 'yaml', 1, STAFFING);
    const reference = TextDocument.create('file:///d.yaml', 'yaml', 1, STAFFING);
    for (let v = 2; v < 400; v++) {
      const at = reference.positionAt((v * 7919) % reference.getText().length);
      const change = [{ range: { start: at, end: at }, text: String(v % 10) }];
      doc.update(change, v);
      TextDocument.update(reference, change, v);
      expect((doc as unknown as { pieces: string[] }).pieces.length).toBeLessThanOrEqual(65);
    }
    expect(doc.getText()).toBe(reference.getText());
  });
});

describe('the incremental check from a known edit', () => {
  it('gives what check() gives after every edit; an edit that does not start from the last text is not trusted', async () => {
    const options = { measurements: true, workspace: true } as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (steps) => {
        const checker = new IncrementalChecker(options);
        let text = STAFFING;
        await checker.check(text);
        for (const edits of steps) {
          const changes: TextChange[] = [];
          let next = text;
          for (const e of edits) {
            const c = changeFor(next, e);
            changes.push(c);
            next = applyChanges(next, [c]);
          }
          const range = enclosingRange(changes)!;
          expect(await checker.check(next, { previous: text, ...range })).toStrictEqual(await check(next, options));
          text = next;
        }
        // A stale or impossible edit: compared afresh, still the right answer.
        const stale = `${text}\n# 末尾`;
        expect(await checker.check(stale, { previous: STAFFING, from: 0, oldTo: 0, newTo: 0 })).toStrictEqual(await check(stale, options));
        const again = stale.replace(/annualSalary: (\d)/, 'annualSalary: 9$1');
        expect(await checker.check(again, { previous: stale, from: 5, oldTo: 4, newTo: 3 })).toStrictEqual(await check(again, options));
      }),
      { numRuns: 40, seed: 22 },
    );
  }, 180_000);
});

describe('findings kept with their records', () => {
  it('a record before the edit keeps its very finding, one after it gets it moved, and both are what check() gives', async () => {
    const options = { locale: 'zh-CN' } as const;
    const checker = new IncrementalChecker(options);
    const first = (await checker.check(MANY)).findings;
    const middle = MANY.indexOf('annualSalary: ', MANY.length / 2) + 'annualSalary: '.length;
    for (const insert of ['1', '\n    # 新行', '']) {
      const text = MANY.slice(0, middle) + insert + MANY.slice(middle);
      const again = new IncrementalChecker(options);
      await again.check(MANY);
      const before = (await again.check(MANY)).findings;
      const now = (await again.check(text, { previous: MANY, from: middle, oldTo: middle, newTo: middle + insert.length })).findings;
      expect(now).toStrictEqual((await check(text, options)).findings);
      // A norm's findings about one person (structural ones are made by the schema check, afresh).
      const personal = (f: Finding) => !f.ruleId.includes('/') && f.path.startsWith('staff[');
      const earlier = now.filter((f) => personal(f) && f.range.end.offset < middle);
      const later = now.filter((f) => personal(f) && f.range.start.offset > middle + insert.length);
      expect(earlier.length).toBeGreaterThan(3);
      expect(later.length).toBeGreaterThan(3);
      // Kept: the same objects as the last check's (a record that did not move).
      for (const f of earlier) if (f.related === undefined || f.related.every((r) => r.path.startsWith('staff['))) expect(before).toContain(f);
      // Moved by the edit when it changed the length: new objects; when it did not, the same ones.
      for (const f of later) if (f.related === undefined || f.related.every((r) => r.path.startsWith('staff['))) expect(before.includes(f)).toBe(insert === '');
    }
    expect(first.length).toBeGreaterThan(10);
  });
});

describe('findings as a difference from the last result', () => {
  /** The findings as the worker sends them (no figures, anchor or citation). */
  const sent = (findings: readonly Finding[]) => findings.map(({ figures: _f, anchor: _a, citation: _c, ...kept }) => kept as Finding);

  it('rebuilt on the other side exactly as made, after every edit; most are sent as an index', async () => {
    let indices = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (edits, poorShift) => {
        const checker = new IncrementalChecker({ locale: 'zh-CN' });
        let text = MANY;
        let before = sent((await checker.check(text)).findings);
        for (const e of edits) {
          const c = changeFor(text, e);
          const next = applyChanges(text, [c]);
          const range = enclosingRange([c])!;
          const now = sent((await checker.check(next, { previous: text, ...range })).findings);
          // A wrong shift must cost only findings sent whole, never a wrong one rebuilt.
          const shift: Shift = poorShift ? { at: range.from, offset: 3, lines: 1 } : shiftOf(text, next, range);
          const items = structuredClone(encodeFindings(before, now, shift));
          const rebuilt = decodeFindings(before, items, structuredClone(shift));
          expect(rebuilt).toStrictEqual(now);
          expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(now));
          // An edit inside one record leaves the other records' findings as they were, if moved.
          if (!poorShift && checker.lastPath === 'record') {
            indices += items.filter((i) => typeof i === 'number').length;
            total += items.length;
          }
          text = next;
          before = now;
        }
      }),
      { numRuns: 20, seed: 23 },
    );
    expect(indices / total).toBeGreaterThan(0.8);
  }, 180_000);

  it('positions move only at or after the edit, a finding on the edited line with a new column is sent whole, and an index outside the last findings is refused', () => {
    const f = (line: number, column: number, offset: number, message = 'm'): Finding =>
      ({ ruleId: 'r', severity: 'error', message, range: { start: { line, column, offset }, end: { line, column: column + 1, offset: offset + 1 } }, documentIndex: 0, path: 'p' }) as Finding;
    const shift: Shift = { at: 100, offset: 2, lines: 1 };
    expect(sameMoved(f(5, 3, 103), f(4, 3, 101), shift)).toBe(true);
    expect(sameMoved(f(4, 3, 101), f(4, 3, 101), shift)).toBe(false); // should have moved
    expect(sameMoved(f(2, 3, 50), f(2, 3, 50), shift)).toBe(true);
    expect(sameMoved(f(5, 5, 103), f(4, 3, 101), shift)).toBe(false); // same line as the edit: the column moved too
    expect(sameMoved(f(5, 3, 103, 'n'), f(4, 3, 101), shift)).toBe(false);
    expect(sameMoved({ ...f(2, 3, 50), extra: 1 }, f(2, 3, 50), NO_SHIFT)).toBe(false);
    const before = f(4, 3, 101);
    expect(moved(before, NO_SHIFT)).toBe(before);
    expect(moved(f(2, 3, 50), shift)).toStrictEqual(f(2, 3, 50));
    expect(moved(before, shift)).toStrictEqual(f(5, 3, 103));
    expect(encodeFindings([before], [f(5, 5, 103)], shift)).toStrictEqual([f(5, 5, 103)]);
    expect(decodeFindings([before], [1], shift)).toBeUndefined();
    expect(decodeFindings([before], [-1], shift)).toBeUndefined();
    expect(decodeFindings([before], [0.5], shift)).toBeUndefined();
  });
});

describe('document models from the client\'s edits', () => {
  it('the same outline as buildOutline when each version starts from the recorded edits', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const history = new ChangeHistory();
        const config = history.documents();
        const models = new DocumentModels((uri, since, to) => history.since(uri, since, to));
        const doc = config.create('file:///m.yaml', 'yaml', 1, STAFFING);
        models.outline(doc);
        let version = 1;
        for (const e of edits) {
          const c = changeFor(doc.getText(), e);
          config.update(doc, [{ range: lspRange(doc, c), text: c.text }], ++version);
          const outline = models.outline(doc);
          const whole = buildOutline(doc.getText());
          expect(outline.text).toBe(doc.getText());
          expect(outline.documents).toEqual(whole.documents);
          expect(outline.positions.lineCount).toBe(whole.positions.lineCount);
        }
      }),
      { numRuns: 80, seed: 24 },
    );
  });
});

describe('the validation worker sent edits, not texts', () => {
  const WORKER = new URL('../../packages/language-server/dist/validation-worker.js', import.meta.url);

  it('gives what the in-process validator gives, also when the worker no longer holds the version the edits start from', async () => {
    const service = new WorkerValidation(WORKER, () => {});
    const reference = new Validator();
    try {
      const history = new ChangeHistory();
      const config = history.documents();
      const uri = 'file:///worker-sync.yaml';
      const doc = config.create(uri, 'yaml', 1, STAFFING);
      const request = () => {
        const version = doc.version;
        return { uri, version, text: doc.getText(), locale: 'zh-CN' as const, changesSince: (since: number) => history.since(uri, since, version) };
      };
      const sent = (findings: readonly Finding[]) => findings.map(({ figures: _f, anchor: _a, citation: _c, ...kept }) => kept);
      const same = async () => {
        const [a, b] = await Promise.all([service.validate(request()), reference.validate({ ...request(), uri: 'file:///reference.yaml' })]);
        expect(a.findings).toEqual(sent(b.findings));
        expect(a.version).toBe(doc.version);
        return a;
      };
      await same();
      const edit = (c: TextChange) => config.update(doc, [{ range: lspRange(doc, c), text: c.text }], doc.version + 1);
      const salary = () => doc.getText().indexOf('annualSalary: ') + 'annualSalary: '.length;
      edit({ start: salary(), end: salary() + 1, text: '1' });
      await same();
      edit({ start: salary(), end: salary(), text: '9' });
      edit({ start: doc.getText().indexOf('  - id: T00003'), end: doc.getText().indexOf('  - id: T00003'), text: '  # 注释\n' });
      await same();
      // Thirty-three other documents push this one out of the worker's memory: it asks for the whole text.
      for (let i = 0; i < 33; i++) await service.validate({ uri: `file:///other-${i}.yaml`, version: 1, text: STAFFING, locale: 'zh-CN' });
      edit({ start: salary(), end: salary() + 2, text: '' });
      await same();
      service.forget(uri);
      edit({ start: 0, end: 0, text: '# 开头\n' });
      await same();
    } finally {
      service.dispose();
    }
  }, 60_000);
});

describe('the language server over edits', () => {
  it('publishes, after a run of ranged edits, what it publishes for the same text opened fresh', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///tmp/edit-sync-a.yaml';
      const fresh = 'file:///tmp/edit-sync-b.yaml';
      await client.open(uri, STAFFING);
      await client.diagnosticsFor(uri, 1);
      let text = STAFFING;
      const steps: TextChange[][] = [
        [{ start: text.indexOf('annualSalary: ') + 14, end: text.indexOf('annualSalary: ') + 15, text: '3' }],
        [{ start: text.indexOf('  - id: T00002'), end: text.indexOf('  - id: T00002'), text: '  - id: T09999\n    name: 新人\n    role: teacher\n' }],
        // Two edits in one notification, the second's range in the text the first left.
        [{ start: 0, end: 0, text: '# 第一行\n' }, { start: text.length - 1, end: text.length, text: '\n' }],
        [{ start: text.indexOf('baseSalary: '), end: text.indexOf('baseSalary: ') + 'baseSalary: '.length + 2, text: 'baseSalary: 99' }],
      ];
      for (const changes of steps) {
        const contentChanges = [];
        let scratch = text;
        for (const c of changes) {
          const at = { ...c, end: Math.min(c.end, scratch.length) };
          contentChanges.push({ range: lspRange(TextDocument.create(uri, 'yaml', 0, scratch), at), text: at.text });
          scratch = applyChanges(scratch, [at]);
        }
        const version = await client.changes(uri, contentChanges);
        text = scratch;
        const diagnostics = await client.diagnosticsFor(uri, version);
        await client.open(fresh, text);
        const expected = await client.diagnosticsFor(fresh, 1);
        const plain = (ds: typeof diagnostics) => ds.map(({ data: _data, ...d }) => d);
        expect(plain(diagnostics)).toEqual(plain(expected));
        await client.close(fresh);
        client.diagnostics.delete(fresh);
      }
    } finally {
      await client.stop();
    }
  }, 120_000);
});
