import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NOTICES_FILE } from '../services/about/about.ts';

/**
 * Writes the third-party notices the app ships (resources/THIRD-PARTY-NOTICES.txt, shown
 * in 关于): every package of the production dependency tree, as package-lock.json records
 * it, with its version, licence and licence texts; the fonts (OFL) first; then Electron.
 * Run: `node build/notices.ts` (npm run build:notices).
 */

export const PROJECT_ROOT = join(import.meta.dirname, '..');
export const NOTICES_OUTPUT = join(import.meta.dirname, 'generated', NOTICES_FILE);

export interface LicenceText {
  readonly file: string;
  readonly text: string;
}

export interface PackageNotice {
  readonly name: string;
  readonly version: string;
  /** SPDX expression from package.json. */
  readonly licence: string;
  readonly source: string | undefined;
  readonly texts: readonly LicenceText[];
  /** The package carries fonts under the SIL Open Font License. */
  readonly isFont: boolean;
}

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly devOptional?: boolean;
  readonly link?: boolean;
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly license?: string | { readonly type?: string };
  readonly licenses?: readonly { readonly type?: string }[];
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string };
}

const LICENCE_FILE = /^(licen[cs]e|copying|ofl|notice)([.-].*)?$/i;
/** Standard texts for packages that declare a licence but ship no licence file. */
const STANDARD_TEXTS_DIR = join(import.meta.dirname, 'licenses');

/**
 * Packages whose published version declares no licence although their project does:
 * buffers 0.1.1 (exceljs → unzipper → binary) is MIT/X11 by its repository's README and
 * later package.json (substack/node-buffers#14, #21).
 */
const LICENCE_DECLARED_UPSTREAM: Readonly<Record<string, string>> = { buffers: 'MIT' };

function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  const declared = pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR ');
  return declared || LICENCE_DECLARED_UPSTREAM[pkg.name] || 'UNKNOWN';
}

function sourceOf(pkg: PackageJson): string | undefined {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
}

/** The licence files in a package's folder; the same text under two names is kept once. */
function licenceTexts(dir: string): LicenceText[] {
  const seen = new Set<string>();
  return readdirSync(dir)
    .filter((file) => LICENCE_FILE.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() }))
    .filter(({ text }) => {
      const key = text.replace(/\s+/g, ' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Licence names in old package.json files that stand for a standard text under another name. */
const STANDARD_TEXT_OF: Readonly<Record<string, string>> = { 'MIT/X11': 'MIT' };

function standardText(name: string, licence: string): LicenceText {
  const file = join(STANDARD_TEXTS_DIR, `${STANDARD_TEXT_OF[licence] ?? licence}.txt`);
  if (!existsSync(file)) {
    throw new Error(`${name} 声明的许可证为 ${licence}，但软件包中没有许可证文件，build/licenses/ 中也没有该许可证的标准文本。请补充 build/licenses/${licence}.txt。`);
  }
  return {
    file: `（软件包未附带许可证文件，以下为 ${licence} 许可证的标准文本）`,
    text: readFileSync(file, 'utf8').trim(),
  };
}

function readPackage(dir: string): PackageNotice {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const licence = licenceOf(pkg);
  const found = licenceTexts(dir);
  const texts = found.length > 0 ? found : [standardText(pkg.name, licence)];
  return {
    name: pkg.name,
    version: pkg.version,
    licence,
    source: sourceOf(pkg),
    texts,
    isFont: licence.includes('OFL') || texts.some((t) => t.text.includes('SIL Open Font License')),
  };
}

/**
 * The packages the app ships: every package-lock entry that is neither a development nor
 * an optional dependency (optional ones are platform builds the package leaves out), once
 * per name and version, sorted by name.
 */
export function productionPackages(projectRoot: string): PackageNotice[] {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Readonly<Record<string, LockEntry>>;
  };
  const byId = new Map<string, PackageNotice>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.optional || entry.devOptional || entry.link) continue;
    const notice = readPackage(join(projectRoot, path));
    byId.set(`${notice.name}@${notice.version}`, notice);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** Electron: a development dependency here, but its runtime is the program itself. */
export function electronRuntime(projectRoot: string): PackageNotice {
  return { ...readPackage(join(projectRoot, 'node_modules', 'electron')), isFont: false };
}

const RULE = '-'.repeat(72);

function renderPackage(notice: PackageNotice): string {
  return [
    RULE,
    `${notice.name} ${notice.version}`,
    `许可证 License: ${notice.licence}`,
    ...(notice.source ? [`来源 Source: ${notice.source}`] : []),
    ...notice.texts.flatMap(({ file, text }) => ['', `[${file}]`, text]),
    '',
  ].join('\n');
}

export interface NoticesInput {
  readonly productName: string;
  readonly version: string;
  readonly packages: readonly PackageNotice[];
  readonly runtime: PackageNotice;
}

export function renderNotices({ productName, version, packages, runtime }: NoticesInput): string {
  const fonts = packages.filter((p) => p.isFont);
  const libraries = packages.filter((p) => !p.isFont);
  return [
    `${productName} ${version} 第三方软件声明 Third-party notices`,
    '',
    `本程序使用了以下开源字体（${fonts.length}个）、程序库（${libraries.length}个）和运行环境，按各自的许可证使用。`,
    'This program uses the following open-source fonts, libraries and runtime under their licences.',
    '',
    `${'='.repeat(72)}\n一、字体 Fonts（SIL Open Font License 1.1）\n`,
    ...fonts.map(renderPackage),
    `${'='.repeat(72)}\n二、程序库 Libraries\n`,
    ...libraries.map(renderPackage),
    `${'='.repeat(72)}\n三、运行环境 Runtime\n`,
    renderPackage(runtime),
    'Electron 所含 Chromium、Node.js 等组件的许可证见程序目录中的 LICENSES.chromium.html。',
    'The licences of Chromium, Node.js and the other components of Electron are in LICENSES.chromium.html in the program folder.',
    '',
  ].join('\n');
}

export function writeNotices(projectRoot: string, outFile: string): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  const text = renderNotices({
    productName: pkg.productName,
    version: pkg.version,
    packages: productionPackages(projectRoot),
    runtime: electronRuntime(projectRoot),
  });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return text;
}

if (process.argv[1] === import.meta.filename) {
  const text = writeNotices(PROJECT_ROOT, NOTICES_OUTPUT);
  console.log(`${NOTICES_OUTPUT}: ${text.length} characters`);
}
