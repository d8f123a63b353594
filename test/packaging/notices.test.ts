import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, productionPackages, writeNotices } from '../../build/notices.ts';

const OFL_HEADING = 'SIL OPEN FONT LICENSE Version 1.1';

/** The production tree as npm recorded it, read independently of the generator. */
function lockedProductionPackages(): { name: string; version: string }[] {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.optional && !entry.devOptional)
    .map(([path, entry]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version! }));
}

describe('third-party notices (build/notices.ts)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-notices-')), 'THIRD-PARTY-NOTICES.txt');
  const text = writeNotices(PROJECT_ROOT, out);
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('names every production dependency with its version and licence', () => {
    expect(readFileSync(out, 'utf8')).toBe(text);
    const locked = lockedProductionPackages();
    expect(locked.length).toBeGreaterThan(10);
    for (const { name, version } of locked) expect(text, name).toContain(`\n${name} ${version}\n许可证 License: `);
    for (const name of Object.keys(pkg.dependencies as object)) expect(text, name).toContain(`\n${name} `);
  });

  it('gives every package a licence text', () => {
    const entries = text.split('\n' + '-'.repeat(72) + '\n').slice(1);
    expect(entries.length).toBe(new Set(lockedProductionPackages().map((p) => `${p.name}@${p.version}`)).size + 1);
    for (const entry of entries) expect(entry, entry.split('\n')[0]).toMatch(/\n\[[^\]]+\]\n\S/);
  });

  it('lists the bundled fonts first, with the full SIL Open Font License', () => {
    const fonts = text.slice(text.indexOf('一、字体'), text.indexOf('二、程序库'));
    for (const font of ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc', '@fontsource/tinos', 'lxgw-wenkai-webfont']) expect(fonts).toContain(`\n${font} `);
    expect(fonts.split(OFL_HEADING).length - 1).toBe(4);
    expect(fonts).toContain('PERMISSION & CONDITIONS');
  });

  it('names the Electron runtime and where Chromium’s licences are', () => {
    const electron = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(text.slice(text.indexOf('三、运行环境'))).toContain(`electron ${electron.version}`);
    expect(text).toContain('LICENSES.chromium.html');
  });
});

describe('licence texts of packages that ship none', () => {
  function project(licence: string): string {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-notices-project-'));
    const dir = join(root, 'node_modules', 'bare');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', version: '1.0.0', license: licence }));
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': {}, 'node_modules/bare': { version: '1.0.0' } } }));
    return root;
  }

  it('uses the standard text of the declared licence, saying so', () => {
    const [bare] = productionPackages(project('MIT'));
    expect(bare!.texts).toHaveLength(1);
    expect(bare!.texts[0]!.file).toContain('未附带许可证文件');
    expect(bare!.texts[0]!.text).toContain('Permission is hereby granted');
  });

  it('stops with a readable error when there is no standard text either', () => {
    expect(() => productionPackages(project('WTFPL'))).toThrow(/bare 声明的许可证为 WTFPL.*build\/licenses\/WTFPL\.txt/);
  });
});
