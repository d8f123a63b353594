/**
 * Ruled tables of a PDF page, from the drawing operations: borders are thin filled
 * rectangles or stroked lines. Horizontal and vertical rules that touch form a table;
 * their positions give the grid, and a missing rule segment inside it is a merged cell.
 * Coordinates are PDF points with y upwards.
 */

export interface Rule {
  readonly horizontal: boolean;
  /** y of a horizontal rule, x of a vertical one. */
  readonly at: number;
  /** Extent along the rule. */
  readonly from: number;
  readonly to: number;
}

type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

function apply(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The operator numbers this module reads (pdf.js `OPS`). */
export interface Ops {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

/** Path data of pdf.js ≥ 5: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadraticCurveTo (4), 4 closePath. */
function subpaths(data: ArrayLike<number>): { x: number; y: number }[][] {
  const paths: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      if (current.length) paths.push(current);
      current = [{ x: data[i + 1]!, y: data[i + 2]! }];
      i += 3;
    } else if (op === 1) {
      current.push({ x: data[i + 1]!, y: data[i + 2]! });
      i += 3;
    } else if (op === 2) {
      current.push({ x: data[i + 5]!, y: data[i + 6]! });
      i += 7;
    } else if (op === 3) {
      current.push({ x: data[i + 3]!, y: data[i + 4]! });
      i += 5;
    } else {
      if (current.length) current.push(current[0]!);
      i += 1;
    }
  }
  if (current.length) paths.push(current);
  return paths;
}

/** Thickest a filled rectangle may be to count as a rule. */
const MAX_RULE_THICKNESS = 3;
const MIN_RULE_LENGTH = 2;
const ALIGNED = 0.5;

function segmentRule(p: { x: number; y: number }, q: { x: number; y: number }): Rule | undefined {
  if (Math.abs(p.y - q.y) <= ALIGNED && Math.abs(p.x - q.x) >= MIN_RULE_LENGTH) {
    return { horizontal: true, at: (p.y + q.y) / 2, from: Math.min(p.x, q.x), to: Math.max(p.x, q.x) };
  }
  if (Math.abs(p.x - q.x) <= ALIGNED && Math.abs(p.y - q.y) >= MIN_RULE_LENGTH) {
    return { horizontal: false, at: (p.x + q.x) / 2, from: Math.min(p.y, q.y), to: Math.max(p.y, q.y) };
  }
  return undefined;
}

function pathRules(points: readonly { x: number; y: number }[], filled: boolean, stroked: boolean): Rule[] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every((p, i) => i === 0 || Math.abs(p.x - points[i - 1]!.x) <= ALIGNED || Math.abs(p.y - points[i - 1]!.y) <= ALIGNED);
  if (filled && axisAligned && points.length >= 4) {
    const width = right - left;
    const height = top - bottom;
    if (Math.min(width, height) <= MAX_RULE_THICKNESS && Math.max(width, height) >= MIN_RULE_LENGTH) {
      return [width >= height ? { horizontal: true, at: (top + bottom) / 2, from: left, to: right } : { horizontal: false, at: (left + right) / 2, from: bottom, to: top }];
    }
  }
  if (!stroked) return [];
  return points.slice(1).flatMap((p, i) => segmentRule(points[i]!, p) ?? []);
}

/** The rules drawn on a page, in page coordinates. */
export function collectRules(fnArray: readonly number[], argsArray: readonly unknown[], ops: Ops): Rule[] {
  const filling = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const stroking = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const rules: Rule[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = compose(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = compose(ctm, Array.from(args[0] as ArrayLike<number>) as unknown as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const filled = filling.has(paint);
      const stroked = stroking.has(paint);
      if (!filled && !stroked) return;
      for (const data of (args[1] as ArrayLike<number>[] | null) ?? []) {
        if (!data) continue;
        for (const path of subpaths(data)) rules.push(...pathRules(path.map((p) => apply(ctm, p.x, p.y)), filled, stroked));
      }
    }
  });
  return rules;
}

const SAME_POSITION = 2;
const TOUCH = 2;

/** Joins collinear rules that overlap or touch (a border drawn cell by cell). */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => Number(a.horizontal) - Number(b.horizontal) || a.at - b.at || a.from - b.from);
  const merged: Rule[] = [];
  for (const rule of sorted) {
    const match = merged.find(
      (m) => m.horizontal === rule.horizontal && Math.abs(m.at - rule.at) <= SAME_POSITION && rule.from <= m.to + TOUCH && rule.to >= m.from - TOUCH,
    );
    if (match) merged[merged.indexOf(match)] = { ...match, from: Math.min(match.from, rule.from), to: Math.max(match.to, rule.to) };
    else merged.push(rule);
  }
  return merged;
}

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Positions of rules, with near-equal ones taken as one. */
function positions(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (out.length && v - out[out.length - 1]! <= SAME_POSITION) continue;
    out.push(v);
  }
  return out;
}

export interface LatticeCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Lattice {
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly LatticeCell[];
  readonly top: number;
}

function covered(rules: readonly Rule[], horizontal: boolean, at: number, along: number): boolean {
  return rules.some((r) => r.horizontal === horizontal && Math.abs(r.at - at) <= SAME_POSITION && along >= r.from - TOUCH && along <= r.to + TOUCH);
}

function latticeOf(rules: readonly Rule[]): Lattice | undefined {
  const xs = positions(rules.filter((r) => !r.horizontal).map((r) => r.at));
  const ys = positions(rules.filter((r) => r.horizontal).map((r) => r.at)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !covered(rules, false, xs[c + 1]!, midY)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(rules, true, ys[r + 1]!, midX)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let i = 0; i < rows * cols; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const root = find(i);
    const region = regions.get(root);
    if (!region) regions.set(root, { r0: r, r1: r, c0: c, c1: c });
    else regions.set(root, { r0: Math.min(region.r0, r), r1: Math.max(region.r1, r), c0: Math.min(region.c0, c), c1: Math.max(region.c1, c) });
  }
  const cells = [...regions.values()]
    .map(({ r0, r1, c0, c1 }) => ({
      row: r0,
      col: c0,
      rowSpan: r1 - r0 + 1,
      colSpan: c1 - c0 + 1,
      left: xs[c0]!,
      right: xs[c1 + 1]!,
      top: ys[r0]!,
      bottom: ys[r1 + 1]!,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows, cols, cells, top: ys[0]! };
}

/** The ruled tables among a page's rules, top to bottom. */
export function findLattices(drawn: readonly Rule[]): Lattice[] {
  const rules = mergeRules(drawn);
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  rules.forEach((a, i) => {
    rules.forEach((b, j) => {
      if (j > i && a.horizontal !== b.horizontal && crosses(a.horizontal ? a : b, a.horizontal ? b : a)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), rule]));
  return [...groups.values()]
    .filter((g) => g.filter((r) => r.horizontal).length >= 2 && g.filter((r) => !r.horizontal).length >= 2)
    .map(latticeOf)
    .filter((l): l is Lattice => l !== undefined && l.cells.length > 1)
    .sort((a, b) => b.top - a.top);
}
