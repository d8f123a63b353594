import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cellIndex, formats } from '../../shared/format/index.ts';

/**
 * The format is data in shared/format: no other production code types an official label,
 * a table's short name, a section heading or a cell key in a string (comments may quote
 * them as examples). (Rule ids are typed, `RuleId`: a comparison with one is checked by tsc.)
 */

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_FOLDERS = ['shared', 'services', 'renderer', 'electron'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(folder, f));
}

/** The texts a file types: string literals, template pieces and JSX text (not comments). */
function typedTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) texts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    node.forEachChild(visit);
  };
  visit(source);
  return texts;
}

/** The format's own words that only the format may type. */
function officialWords(): string[] {
  const words = new Set<string>();
  for (const format of Object.values(formats)) {
    for (const section of format.sections) words.add(section.heading).add(section.guidance);
    for (const table of Object.values(format.tables)) {
      words.add(table.title).add(table.shortName);
      if ('blocks' in table) for (const block of table.blocks) words.add(block.caption);
      else {
        if (table.corner) words.add(table.corner);
        if (table.balance) words.add(table.balance.rule);
      }
    }
    for (const cell of cellIndex(format).all) {
      words.add(cell.key);
      // Short labels (总计, 其他, 规章) are ordinary words too; long ones are the format's own.
      for (const label of [cell.rowLabel, cell.columnLabel]) if (label.length >= 6) words.add(label);
    }
    if (format.relations.carryOver) words.add(format.relations.carryOver.words.from).add(format.relations.carryOver.words.to);
  }
  return [...words];
}

function hits(folders: readonly string[], words: readonly string[], except: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of folders.flatMap(sourceFiles)) {
    if (except(file)) continue;
    for (const text of typedTexts(file)) {
      for (const word of words) if (text.includes(word)) found.push(`${relative(ROOT, join(ROOT, file))}: “${word}” in “${text}”`);
    }
  }
  return found;
}

describe('the format is typed only in shared/format', () => {
  it('no official label, short name, heading or cell key in another source file', () => {
    expect(hits(SOURCE_FOLDERS, officialWords(), (file) => file.startsWith(join('shared', 'format')))).toEqual([]);
  });
});
