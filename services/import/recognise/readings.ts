import type { CellDef } from '../../../shared/format/index.ts';
import type { SourceCell } from '../source.ts';
import type { CellReading, CellStatus, Confidence } from '../types.ts';
import { readFigure, stripLabelNoise } from './cells.ts';

/** Turns what was found for a cell into its reading. */

interface Found {
  readonly cell: SourceCell;
  readonly line: number;
  /** The row's label, to recognise OCR noise repeating it in front of a figure. */
  readonly rowLabel: string;
  /** Less than sure about the row or column (fuzzy label, header subset): the reason. */
  readonly doubt?: string;
}

function reading(
  def: CellDef,
  status: CellStatus,
  value: string | null,
  raw: string | null,
  confidence: Confidence,
  note: string | undefined,
  line: number | undefined,
): CellReading {
  return {
    key: def.key,
    table: def.table,
    isTotal: def.sumOf !== undefined,
    status,
    value,
    raw,
    confidence,
    ...(note ? { note } : {}),
    ...(line === undefined ? {} : { line }),
  };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => Boolean(n));
  return present.length ? present.join('；') : undefined;
}

/** Reads the figure of a found cell, with where it is printed when the reader knows. */
export function readFound(def: CellDef, found: Found): CellReading {
  const read = readFoundFigure(def, found);
  return found.cell.box ? { ...read, box: found.cell.box } : read;
}

function readFoundFigure(def: CellDef, found: Found): CellReading {
  const raw = found.cell.text;
  const confidence: Confidence = found.doubt ? 'medium' : 'high';
  if (found.cell.continued) {
    return reading(def, 'unreadable', null, raw, 'low', joinNotes('此格与上一行合并，不能确定属于本行', found.doubt), found.line);
  }
  const figure = readFigure(raw, def.kind);
  if (figure.status === 'read') return reading(def, 'read', figure.value, raw, confidence, found.doubt, found.line);
  if (figure.status === 'blank') return reading(def, 'blank', null, raw, confidence, joinNotes(figure.note, found.doubt), found.line);
  const cleaned = stripLabelNoise(raw, found.rowLabel);
  if (cleaned) {
    const again = readFigure(cleaned.figure, def.kind);
    if (again.status === 'read') {
      const note = joinNotes(`单元格中的“${cleaned.noise}”是重复印出的行名（识别噪声），已去掉`, found.doubt);
      return reading(def, 'read', again.value, raw, 'medium', note, found.line);
    }
  }
  return reading(def, 'unreadable', null, raw, 'low', joinNotes(figure.note, found.doubt), found.line);
}

/** A cell whose row or column is not printed. */
export function missing(def: CellDef, note: string, line?: number): CellReading {
  return reading(def, 'missing', null, null, 'high', note, line);
}

/** A cell whose row was printed but whose figures could not be assigned to columns. */
export function unplaced(def: CellDef, raw: string, note: string, line: number): CellReading {
  return reading(def, 'unplaced', null, raw, 'low', note, line);
}
