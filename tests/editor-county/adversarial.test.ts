/** Outside review G: the county norms in the editor against `edunorm check` on the same files, case by case. */
import { describe, expect, it } from 'vitest';
import { County } from './harness.js';

const run = (name: string, body: (c: County) => Promise<void>) =>
  it(name, async () => {
    const c = new County();
    try {
      await c.start();
      expect(c.diff()).toEqual([]);
      await body(c);
      await c.settle();
      expect(c.diff()).toEqual([]);
    } finally {
      await c.stop();
    }
  }, 120_000);

const DZ = 'schools/dongzhuang-primary/staffing-2025.yaml';
const NJ = 'schools/no1-junior/staffing-2025.yaml';
const XH = 'schools/xihe-primary/budget-2025.yaml';

describe('adversarial cases', () => {
  run('root configuration changed on disk: pooling school, a county norm off', async (c) => {
    await c.openFile(DZ);
    await c.settle();
    await c.writeDisk('edunorm.config.yaml', 'extends:\n  - edunorm:plan14\nrules:\n  county-teacher-pay-parity: off\n');
  });
  run('a subfolder configuration created', async (c) => {
    await c.writeDisk('schools/no1-junior/edunorm.config.yaml', 'extends:\n  - edunorm:plan14\nrules:\n  district-reference-mismatch: off\n');
  });
  run('a subfolder configuration for the district: in its own folder', async (c) => {
    await c.renameDisk('district-2025.yaml', 'county/district-2025.yaml');
    await c.settle();
    await c.writeDisk('county/edunorm.config.yaml', 'extends:\n  - edunorm:plan14\nrules:\n  county-senior-post-pool: off\n');
  });
  run("an open school's district changed without saving", async (c) => {
    await c.edit(NJ, c.text(NJ)!.replace('district: "130927"', 'district: "130928"'));
  });
  run("an open school's fiscalYear changed without saving, then closed", async (c) => {
    await c.edit(DZ, c.text(DZ)!.replace('fiscalYear: 2025', 'fiscalYear: 2024'));
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.close(DZ);
  });
  run('a second district document with the same code and year, on disk', async (c) => {
    await c.writeDisk('a-district-copy.yaml', c.text('district-2025.yaml')!);
  });
  run('a second district document with the same code and year, unsaved in the editor', async (c) => {
    await c.edit('district-2024.yaml', c.text('district-2025.yaml')!);
  });
  run('a multi-document file: two schools in one file', async (c) => {
    await c.writeDisk('schools/both.yaml', c.text(NJ)! + '\n---\n' + c.text(XH)!);
    await c.settle();
    await c.deleteDisk(NJ);
    await c.deleteDisk(XH);
  });
  run('a district file that stops being an edunorm file (open, unsaved)', async (c) => {
    await c.edit('district-2025.yaml', c.text('district-2025.yaml')!.replace('apiVersion: edunorm/v1', 'apiVersion: other/v1'));
  });
  run('a district file that stops being an edunorm file on disk', async (c) => {
    await c.writeDisk('district-2025.yaml', c.text('district-2025.yaml')!.replace('apiVersion: edunorm/v1', 'apiVersion: other/v1'));
  });
  run('a school renamed on disk, a school deleted', async (c) => {
    await c.renameDisk(DZ, 'schools/dz/staffing.yaml');
    await c.deleteDisk(XH);
  });
  run('an edited school closed without saving: the disk counts again', async (c) => {
    await c.edit(DZ, c.text(DZ)!.replace(/annualSalary: 92000/g, 'annualSalary: 130000'));
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.close(DZ);
  });
  run('an open district deleted on disk: the editor text counts', async (c) => {
    await c.openFile('district-2025.yaml');
    await c.settle();
    await c.deleteDisk('district-2025.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.close('district-2025.yaml');
  });
  run('a new school file created in the editor and saved', async (c) => {
    await c.openFile('schools/new/staffing-2025.yaml');
    await c.edit('schools/new/staffing-2025.yaml', c.text(DZ)!.replace('130927101', '130927109'));
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.save('schools/new/staffing-2025.yaml');
    await c.settle();
    await c.close('schools/new/staffing-2025.yaml');
  });
  run('a disable directive in the district file, on disk and unsaved', async (c) => {
    await c.writeDisk('district-2025.yaml', '# edunorm-disable county-teacher-pay-parity\n' + c.text('district-2025.yaml')!);
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.edit('district-2024.yaml', '# edunorm-disable indicator-decline\n' + c.text('district-2024.yaml')!);
    await c.edit('district-2025.yaml', c.text('district-2025.yaml')!.replace('county-teacher-pay-parity', 'county-senior-post-pool'));
  });
  run('a .yml school file and a school file with a YAML syntax error', async (c) => {
    await c.writeDisk('schools/extra.yml', c.text(DZ)!.replace('130927101', '130927177'));
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.edit(NJ, c.text(NJ)! + '\n  bad: [unclosed\n');
  });
  run('a school moved to another district year: 2024 gets it', async (c) => {
    await c.writeDisk(XH, c.text(XH)!.replace('fiscalYear: 2025', 'fiscalYear: 2024'));
    await c.writeDisk(NJ, c.text(NJ)!.replace('fiscalYear: 2025', 'fiscalYear: 2024'));
  });
});
