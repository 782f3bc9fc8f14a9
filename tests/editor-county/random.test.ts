/** Outside review G: random sequences of editor and disk events (fixed seeds), the server's diagnostics against `edunorm check` after each step. */
import { expect, it } from 'vitest';
import { County } from './harness.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SEEDS = (process.env.REVIEWG_SEEDS ?? '1,2,3').split(',').map(Number);
const STEPS = Number(process.env.REVIEWG_STEPS ?? 14);

for (const seed of SEEDS) {
  it(`seed ${seed}: ${STEPS} random steps`, async () => {
    const r = rng(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const c = new County();
    const log: string[] = [];
    try {
      await c.start();
      expect(c.diff()).toEqual([]);
      for (let step = 0; step < STEPS; step++) {
        const files = c.files().filter((f) => c.text(f) !== undefined);
        const data = files.filter((f) => !f.endsWith('edunorm.config.yaml'));
        const f = pick(data);
        const t = c.text(f) ?? '';
        const mutations: [string, () => string][] = [
          ['salary', () => t.replace(/annualSalary: (\d+)/, (_, n) => `annualSalary: ${Number(n) + (r() < 0.5 ? 20000 : -20000)}`)],
          ['district', () => t.replace(/district: "(\d+)"/, () => `district: "${pick(['130927', '130928'])}"`)],
          ['year', () => t.replace(/(fiscalYear|year): (\d+)/, (_, k) => `${k}: ${pick([2024, 2025])}`)],
          ['not-edunorm', () => t.replace('apiVersion: edunorm/v1', 'apiVersion: other/v1')],
          ['edunorm-again', () => t.replace('apiVersion: other/v1', 'apiVersion: edunorm/v1')],
          ['senior', () => t.replace('title: first', 'title: senior')],
          ['pupils', () => t.replace(/pupils: (\d+)/, (_, n) => `pupils: ${Number(n) + 4}`)],
          ['reference', () => t.replace(/localCivilServantAvgSalary: (\d+)/, (_, n) => `localCivilServantAvgSalary: ${Number(n) + 3000}`)],
        ];
        const op = pick(['open', 'edit', 'edit', 'save', 'close', 'diskWrite', 'create', 'delete', 'rename', 'config', 'multi', 'dup']);
        log.push(`${op} ${f}`);
        switch (op) {
          case 'open': await c.openFile(f); break;
          case 'edit': { const [n, m] = pick(mutations); log[log.length - 1] += ` ${n}`; await c.edit(f, m()); break; }
          case 'save': if (c.open.has(f)) await c.save(f); break;
          case 'close': if (c.open.has(f)) await c.close(f); break;
          case 'diskWrite': { const d = c.disk(f); if (d !== undefined) { const [n, m] = pick(mutations); log[log.length - 1] += ` ${n}`; await c.writeDisk(f, m().replace(t, d) === m() ? m() : m()); } break; }
          case 'create': await c.writeDisk(`schools/new${step}/staffing-2025.yaml`, (c.text('schools/dongzhuang-primary/staffing-2025.yaml') ?? t).replace('130927101', `1309271${50 + step}`)); break;
          case 'delete': if (c.disk(f) !== undefined && data.length > 3) await c.deleteDisk(f); break;
          case 'rename': if (c.disk(f) !== undefined && !c.open.has(f)) await c.renameDisk(f, `moved${step}/${f.split('/').at(-1)}`); break;
          case 'config': await c.writeDisk(pick(['edunorm.config.yaml', 'schools/edunorm.config.yaml']), pick([
            'extends:\n  - edunorm:plan14\nrules:\n  senior-post-share:\n    params: { pooling: county }\n',
            'extends:\n  - edunorm:plan14\n',
            'extends:\n  - edunorm:plan14\nrules:\n  county-teacher-pay-parity: off\n  district-school-list: off\n',
          ])); break;
          case 'multi': if (c.disk(f) !== undefined) await c.writeDisk(`multi${step}.yaml`, t + '\n---\n' + (c.text(pick(data)) ?? '')); break;
          case 'dup': await c.writeDisk(`${pick(['a', 'z'])}-dup${step}.yaml`, c.text('district-2025.yaml') ?? c.text('district-2024.yaml') ?? t); break;
        }
        await c.settle();
        const d = c.diff();
        if (d.length) throw new Error(`seed ${seed} after steps:\n  ${log.join('\n  ')}\n${d.join('\n')}`);
      }
    } finally {
      await c.stop();
    }
  }, 300_000);
}
