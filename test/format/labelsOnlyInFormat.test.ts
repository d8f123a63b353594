import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cellIndex, formats } from '../../shared/format/index.ts';
import type { SectionRole } from '../../shared/format/index.ts';

/**
 * The format is data in shared/format: no other production code types an official label,
 * a table's short name, a section heading, a report title or a cell key in a string or a
 * pattern (comments may quote them as examples). (Rule ids are typed, `RuleId`: a comparison with one is checked by tsc.)
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
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) || node.kind === ts.SyntaxKind.RegularExpressionLiteral) texts.push((node as ts.LiteralLikeNode).text);
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
    // A title built in code (`2025年政府信息公开工作年度报告`); the app's own name may say what it is for.
    for (const suffix of format.titleSuffixForms) words.add(`年${suffix}`);
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

/**
 * The format's keys that code must not type, as a whole literal: section keys (except those
 * that are also a section role, the format's typed vocabulary), table ids, and the row and
 * column keys that are the format's own (camelCase or dotted: `newReceived`,
 * `denied.stateSecret`; plain words such as `total` are ordinary words too). Plus the start
 * of any cell key built in a template (`t3.${row}`).
 */
function officialKeys(): { readonly whole: string[]; readonly starts: string[] } {
  const whole = new Set<string>();
  const starts = new Set<string>();
  for (const format of Object.values(formats)) {
    const roles = new Set(format.sections.map((s) => s.role));
    for (const section of format.sections) if (!roles.has(section.key as SectionRole)) whole.add(section.key);
    for (const table of Object.values(format.tables)) {
      whole.add(table.id);
      starts.add(`${table.keyPrefix}.`);
      const keys = 'blocks' in table ? table.blocks.flatMap((b) => [...b.rows, ...b.columns].map((r) => r.key)) : [...table.rows, ...table.columns].map((r) => r.key);
      for (const key of keys) if (/[A-Z.]/.test(key)) whole.add(key);
    }
  }
  return { whole: [...whole], starts: [...starts] };
}

function hits(folders: readonly string[], found: (text: string) => string | undefined, except: (file: string) => boolean): string[] {
  const all: string[] = [];
  for (const file of folders.flatMap(sourceFiles)) {
    if (except(file)) continue;
    for (const text of typedTexts(file)) {
      const word = found(text);
      if (word !== undefined) all.push(`${relative(ROOT, join(ROOT, file))}: “${word}” in “${text}”`);
    }
  }
  return all;
}

const outsideFormat = (file: string): boolean => file.startsWith(join('shared', 'format'));

describe('the format is typed only in shared/format', () => {
  it('no official label, short name, heading or cell key in another source file', () => {
    const words = officialWords();
    expect(hits(SOURCE_FOLDERS, (text) => words.find((word) => text.includes(word)), outsideFormat)).toEqual([]);
  });

  it('no section key, table id, row or column key, or the start of a cell key in another source file', () => {
    const { whole, starts } = officialKeys();
    expect(whole).toEqual(expect.arrayContaining(['requests', 'table3', 'newReceived', 'denied.stateSecret', 'review.total']));
    const typesKey = (text: string) => whole.find((key) => text === key) ?? starts.find((start) => text.startsWith(start));
    // The sweep sees them where they are typed: in the format itself.
    expect(hits([join('shared', 'format')], typesKey, () => false)).toEqual(expect.arrayContaining([expect.stringContaining('“t2.” in “t2.fees”')]));
    expect(hits(SOURCE_FOLDERS, typesKey, outsideFormat)).toEqual([]);
  });
});
