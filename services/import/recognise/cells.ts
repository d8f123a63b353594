import { normaliseFigure } from '../../../shared/figures/normalise.ts';
import type { ValueKind } from '../../../shared/format/index.ts';
import { looseNorm } from '../../../shared/text/labels.ts';
import { similarity } from '../../../shared/text/similarity.ts';

/**
 * What a table cell holds, before it is matched: nothing, a figure, a dash (printed
 * for "none"), a label (Chinese text or a row number such as `1.` or `(二)`), or noise
 * (stray symbols and tags from extraction: `<b></b>`, `Δπ`, `•`).
 */
export type CellKind = 'empty' | 'number' | 'dash' | 'label' | 'noise';

const HAN = /\p{Script=Han}/u;
/** A figure, possibly with thousands separators and a unit; `1 4` (two figures run together) is not one. */
const NUMBER = /^[+-]?[\d\uFF10-\uFF19][\d\uFF10-\uFF19,，.．]*\s*(?:件|万元|元)?$/;
/** A row number on its own (`1.`, `2、`): a piece of a label, never a figure. */
const ROW_NUMBER = /^[\d\uFF10-\uFF19]{1,2}[.．、]$/;
const DASH = /^(?:[-—–－―/／\\×xX]{1,2}|无)$/;

/** Removes extraction debris around a cell's text: HTML tags, Markdown emphasis, zero-width marks. */
const DEBRIS = /[<*_\u200B-\u200D\uFEFF]/;

export function cleanCell(text: string): string {
  if (!DEBRIS.test(text)) return text.trim();
  return text
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .trim();
}

export function classifyCell(text: string): CellKind {
  const t = cleanCell(text);
  if (t === '') return 'empty';
  if (ROW_NUMBER.test(t)) return 'label';
  if (NUMBER.test(t)) return 'number';
  if (DASH.test(t)) return 'dash';
  if (HAN.test(t)) return 'label';
  return 'noise';
}

/** `行政事业性收费 0` → label and figure, when a figure ends a label cell after a space. */
export function splitTrailingFigure(text: string): { label: string; figure: string } | undefined {
  const match = /^(.*\p{Script=Han}[)）]?)\s+([\d\uFF10-\uFF19][\d\uFF10-\uFF19,，.．]*)$/u.exec(cleanCell(text));
  return match ? { label: match[1]!, figure: match[2]! } : undefined;
}

const LABEL_NOISE_SIMILARITY = 0.5;

/**
 * `T政处罚 0` in the 行政处罚 row: OCR repeated the row label (garbled) in front of the
 * figure. The prefix is dropped only when it resembles the row's label.
 */
export function stripLabelNoise(text: string, rowLabel: string): { figure: string; noise: string } | undefined {
  const match = /^(.*?\S)\s*([\d\uFF10-\uFF19][\d\uFF10-\uFF19,，.．]*)$/u.exec(cleanCell(text));
  if (!match || !HAN.test(match[1]!)) return undefined;
  const noise = looseNorm(match[1]!);
  const label = looseNorm(rowLabel);
  // Similarity is at most the shorter length over the longer: noise far longer than the label is not compared (which is slow).
  if (Array.from(label).length < LABEL_NOISE_SIMILARITY * Array.from(noise).length) return undefined;
  const tail = Array.from(label).slice(-Array.from(noise).length).join('');
  return Math.max(similarity(noise, label), similarity(noise, tail)) >= LABEL_NOISE_SIMILARITY
    ? { figure: match[2]!, noise: match[1]! }
    : undefined;
}

export type FigureReading =
  | { readonly status: 'read'; readonly value: string }
  | { readonly status: 'blank'; readonly note?: string }
  | { readonly status: 'unreadable'; readonly note: string };

/** Reads a figure of the given kind from a cell's text. A dash is a blank, not a zero. */
export function readFigure(text: string, kind: ValueKind): FigureReading {
  const t = cleanCell(text);
  const cellKind = classifyCell(t);
  if (cellKind === 'empty') return { status: 'blank' };
  if (cellKind === 'dash') return { status: 'blank', note: `单元格印的是“${t}”，按空白处理` };
  const figure = normaliseFigure(t, kind);
  if (figure.ok && figure.value !== null) return { status: 'read', value: figure.value };
  return { status: 'unreadable', note: figure.ok ? `“${t}”不是数字` : figure.message };
}
