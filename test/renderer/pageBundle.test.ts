import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The scripts the built page (dist/renderer, `npm run build`) loads when it starts: what
 * every start of the app parses before the home screen is up.
 */

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** The entry script and the modules index.html preloads with it. */
function startScripts(): { path: string; text: string }[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return paths.map((path) => ({ path, text: readFileSync(join(RENDERER, path), 'utf8') }));
}

/**
 * Texts only the other screens show, one each: their code is in scripts of their own
 * (renderer/screens.tsx), loaded after the home screen is up.
 */
const LATER_SCREENS: Readonly<Record<string, string>> = {
  'the report editor (renderer/editor/SectionStep.tsx)': '全部改用软件计算的合计',
  'the checks (shared/checks/crossYear.ts)': '如因机构调整等原因不一致，请在正文中说明。',
  'the export step (renderer/export/ExportStep.tsx)': '按机关记住，下次导出沿用。',
  '汇总 (renderer/summary/SummaryScreen.tsx)': '已导出审核意见',
  'the import review (renderer/import/ImportReviewScreen.tsx)': '放弃在核对中所做的修改？',
  'About (renderer/about/AboutDialog.tsx)': '第三方软件与字体',
};

describe('the page as built', () => {
  it('loads no zod when it starts: the page validates nothing (main checks every call), so the schemas stay out of it', () => {
    const scripts = startScripts();
    expect(scripts.length).toBeGreaterThan(0);
    for (const { path, text } of scripts) expect({ path, zod: /ZodError|\$ZodType|strictObject/.test(text) }).toEqual({ path, zod: false });
  });

  it("parses none of the other screens' code when it starts: each is in a script of its own, loaded later", () => {
    const start = startScripts();
    const assets = readdirSync(join(RENDERER, 'assets')).filter((f) => f.endsWith('.js'));
    const later = assets.filter((f) => !start.some((s) => s.path === `assets/${f}`)).map((f) => readFileSync(join(RENDERER, 'assets', f), 'utf8'));
    for (const [screen, text] of Object.entries(LATER_SCREENS)) {
      const where = { screen, atStart: start.filter((s) => s.text.includes(text)).map((s) => s.path), later: later.some((l) => l.includes(text)) };
      expect(where).toEqual({ screen, atStart: [], later: true });
    }
  });
});
