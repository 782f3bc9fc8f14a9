/**
 * The VS Code extension as the Marketplace receives it: `npm run vsix` in extension/ (vsce),
 * unpacked here. Issue 10 item 18 (extension part): every image and link of the packed README
 * resolves to a file of this repository, the extension has an icon, and everything the
 * manifest names (walkthrough media, translations) is in the package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const REPO = 'https://github.com/edunorm/edunorm';

/** The entries of a zip archive (stored or deflated), read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

let dir: string;
let files: Map<string, Buffer>;
const text = (name: string) => files.get(name)?.toString('utf8') ?? '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-vsix-'));
  const out = join(dir, 'edunorm.vsix');
  // The bundles exist after `npm run build` (pretest); this packs them as `npm run package:vsix` does.
  execFileSync('npm', ['--prefix', join(ROOT, 'extension'), 'run', 'vsix', '--', '--out', out], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  files = unzip(readFileSync(out));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .vsix', () => {
  it('points every README image and relative link at a file of the repository that exists', () => {
    const readme = text('extension/readme.md');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const url of images) {
      expect(url.startsWith(`${REPO}/raw/HEAD/`), url).toBe(true);
      const path = url.slice(`${REPO}/raw/HEAD/`.length);
      expect(existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile(), `${url} → ${path} exists in the repository`).toBe(true);
    }
    for (const [, url] of readme.matchAll(/[^!]\[[^\]]*\]\((https:\/\/github\.com\/edunorm\/edunorm\/blob\/HEAD\/[^)\s#]+)/g)) {
      const path = url!.slice(`${REPO}/blob/HEAD/`.length);
      expect(existsSync(join(ROOT, path)), `${url} exists in the repository`).toBe(true);
    }
  });

  it('has an icon of at least 128×128 pixels, declared in the manifest', () => {
    const manifest = JSON.parse(text('extension/package.json')) as { icon?: string };
    expect(manifest.icon).toBe('images/icon.png');
    const png = files.get('extension/images/icon.png');
    expect(png, 'the icon is packed').toBeDefined();
    expect(png!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png!.readUInt32BE(16), png!.readUInt32BE(20)].every((side) => side >= 128)).toBe(true);
    expect(text('extension.vsixmanifest')).toContain('Path="extension/images/icon.png" Addressable="true"');
  });

  it('packs every walkthrough media file and a translation of every %key% in both languages', () => {
    const raw = text('extension/package.json');
    const manifest = JSON.parse(raw) as { contributes: { walkthroughs: { steps: { media: { image?: string; markdown?: string } }[] }[] } };
    const media = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.image ?? s.media.markdown));
    expect(media.length).toBeGreaterThanOrEqual(3);
    for (const path of media) expect(files.has(`extension/${path}`), `${path} is packed`).toBe(true);
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    for (const nls of ['extension/package.nls.json', 'extension/package.nls.zh-cn.json']) {
      const strings = JSON.parse(text(nls)) as Record<string, string>;
      expect(keys.filter((k) => !strings[k]), nls).toEqual([]);
    }
  });
});
