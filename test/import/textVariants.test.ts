import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../fixtures/seedReports.ts';
import { checkCells } from './cellCheck.ts';
import { importBytes } from './support.ts';

/** Markdown as PDF-to-Markdown converters write it, beyond what the property test mangles. */
const FORMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'text-forms');
const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
const markdown = readFileSync(join(FORMS_DIR, `${seed.id}.gfm.md`), 'utf8');

describe('Markdown from converters', () => {
  it('reads 规范性文件 as 行政规范性文件, and says the label differs', async () => {
    const result = await importBytes(new TextEncoder().encode(markdown.replace('| 行政规范性文件 ', '| 规范性文件     ')), 'x.md');
    expect(checkCells(result, seed.report).wrong).toEqual([]);
    const issued = result.cells.find((c) => c.key === 't2.normativeDocuments.issued')!;
    expect(issued).toMatchObject({ status: 'read', value: '36', confidence: 'medium' });
    expect(issued.note).toContain('规范性文件');
  });
});
