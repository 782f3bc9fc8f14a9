/**
 * Outside review D: the language server after didChange notifications with ranged edits —
 * several per notification, CRLF, characters beyond the BMP split by a range, ranges past the
 * end of a line or of the text, reversed ranges — publishes what it publishes for the same
 * text opened fresh, and offers the same quick fixes. REVIEWD_LSP_SEEDS=15 runs longer.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { classifyText } from '../../packages/core/src/classify.js';
import { rng, staffingText } from '../../bench/corpus.mjs';
import { TestClient } from './lsp-client.js';

const STAFF = staffingText(rng(21), '99021', '编辑学校', 'senior', 25);
const BASES = [
  STAFF,
  STAFF.replace(/\n/g, '\r\n').replace(/name: (\S+)/g, 'name: 𠀀$1😀'),
  STAFF + 'fiscalYaer: 2025\n',
];
const PIECES = ['0', '7', ' ', '\n', '\r\n', '\r', '\n    ', '😀', '𠀀', '王', ' # 注释', '\n    note: 1', '\n    annualSalary: 1', '', '', 'x', ':', '\t', '\n  - id: T77777\n    role: teacher\n'];

function plain(ds: Diagnostic[]) {
  return ds.map(({ data: _d, ...d }) => d);
}

describe('the server over ranged edits', () => {
  it('publishes what a fresh open of the same text publishes', async () => {
    const client = await TestClient.start();
    const seeds = Number(process.env.REVIEWD_LSP_SEEDS ?? 3);
    try {
      for (let seed = 1; seed <= seeds; seed++) {
        const r = rng(seed * 7919);
        const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
        const uri = `file:///tmp/reviewD-edit-${seed}.yaml`;
        let text = BASES[seed % BASES.length]!;
        await client.open(uri, text);
        await client.diagnosticsFor(uri, 1);
        const doc = TextDocument.create(uri, 'yaml', 1, text);
        for (let step = 0; step < 30; step++) {
          const changes: { range: Range; text: string }[] = [];
          const n = 1 + Math.floor(r() * 3);
          for (let k = 0; k < n; k++) {
            // Mostly edits inside a staff line (the record path), sometimes raw positions.
            const cur = doc.getText();
            let range: Range;
            const x = r();
            if (x < 0.7) {
              const lines = [...cur.matchAll(/\n {4}[^\r\n]*/g)];
              const m = pick(lines);
              const at = m.index! + 1 + Math.floor(r() * m[0].length);
              const len = Math.floor(r() * 3) * (r() < 0.5 ? 1 : 0);
              range = { start: doc.positionAt(at), end: doc.positionAt(Math.min(cur.length, at + len)) };
            } else {
              const line = Math.floor(r() * (doc.lineCount + 2)) - (r() < 0.1 ? 3 : 0);
              const character = Math.floor(r() * 40);
              const end = r() < 0.3 ? { line: line + Math.floor(r() * 3) - 1, character: Math.floor(r() * 40) } : { line, character };
              range = r() < 0.2 ? { start: end, end: { line, character } } : { start: { line, character }, end };
            }
            const change = { range, text: pick(PIECES) };
            changes.push(change);
            TextDocument.update(doc, [change], doc.version + 1);
          }
          const version = await client.changes(uri, changes);
          text = doc.getText();
          const got = await client.diagnosticsFor(uri, version, 30_000);
          const kind = classifyText(text, '/tmp/x.yaml');
          let want: Diagnostic[] = [];
          const fixes = async (u: string, ds: Diagnostic[]) => {
            if (!ds.length) return [];
            const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: ds[0]!.range, context: { diagnostics: ds } })) as CodeAction[];
            return actions.filter((a) => a.isPreferred).map((a) => [a.title, a.edit?.changes?.[u]]);
          };
          if (kind === 'submission') {
            const fresh = `file:///tmp/reviewD-fresh-${seed}-${step}.yaml`;
            await client.open(fresh, text);
            want = await client.diagnosticsFor(fresh, 1, 30_000);
            expect(await fixes(uri, got), `fixes: seed ${seed} step ${step}`).toEqual(await fixes(fresh, want));
            await client.close(fresh);
            client.diagnostics.delete(fresh);
          }
          expect(plain(got), `seed ${seed} step ${step} ${JSON.stringify(changes)}`).toEqual(plain(want));
        }
        await client.close(uri);
      }
    } finally {
      await client.stop();
    }
  }, 600_000);
});
