import { columnsSummedBy, crossCellKey } from '../format/index.ts';
import type { CrossTableDef, ReportFormat, TableId } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { Finding } from './finding.ts';

/**
 * The arithmetic identities (勾稽关系) of tables 3 and 4, built from the format: the
 * corner note's balance per column, the （七）总计 row and the 总计 columns.
 */
export interface Identity {
  readonly id: string;
  readonly rule: string;
  readonly kind: 'balance' | 'total';
  readonly table: TableId;
  readonly row?: string;
  readonly column?: string;
  /** For `total`, `left` is the total cell and `right` its operands. */
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** Where the identity applies, as printed: 「自然人」列, 「（一）予以公开」行. */
  readonly where: string;
}

export type IdentityStatus = 'pass' | 'fail' | 'uncheckable';

export interface IdentityResult {
  readonly identity: Identity;
  readonly status: IdentityStatus;
  readonly left: number | null;
  readonly right: number | null;
}

const TABLE_PREFIX: Readonly<Record<'table3' | 'table4', string>> = { table3: 'T3', table4: 'T4' };

function last(path: readonly string[]): string {
  return path[path.length - 1] ?? '';
}

function tableIdentities(table: CrossTableDef): Identity[] {
  const prefix = TABLE_PREFIX[table.id];
  const key = (row: string, column: string) => crossCellKey(table, row, column);
  const identities: Identity[] = [];
  const { balance } = table;
  if (balance) {
    for (const column of table.columns) {
      identities.push({
        id: `${prefix}-BAL.${column.key}`,
        rule: `${prefix}-BAL`,
        kind: 'balance',
        table: table.id,
        column: column.key,
        left: balance.left.map((r) => key(r, column.key)),
        right: balance.right.map((r) => key(r, column.key)),
        where: `「${last(column.path)}」列`,
      });
    }
  }
  for (const row of table.rows) {
    if (!row.sumOfRows) continue;
    for (const column of table.columns) {
      identities.push({
        id: `${prefix}-RES.${column.key}`,
        rule: `${prefix}-RES`,
        kind: 'total',
        table: table.id,
        row: row.key,
        column: column.key,
        left: [key(row.key, column.key)],
        right: row.sumOfRows.map((r) => key(r, column.key)),
        where: `「${last(column.path)}」列`,
      });
    }
  }
  for (const column of table.columns) {
    if (!column.isTotal) continue;
    const summed = columnsSummedBy(table, column.key);
    for (const row of table.rows) {
      // Table 4 has one unlabelled row: its totals are named by their column group.
      const group = table.labelColumns === 0 ? column.path.slice(0, -1) : row.path;
      const suffix = table.labelColumns === 0 ? column.key.slice(0, column.key.lastIndexOf('.')) : row.key;
      identities.push({
        id: `${prefix}-SUM.${suffix}`,
        rule: `${prefix}-SUM`,
        kind: 'total',
        table: table.id,
        row: row.key,
        column: column.key,
        left: [key(row.key, column.key)],
        right: summed.map((c) => key(row.key, c)),
        where: table.labelColumns === 0 ? `「${group.join('—')}」` : `「${last(group)}」行`,
      });
    }
  }
  return identities;
}

const identityCache = new WeakMap<ReportFormat, readonly Identity[]>();

export function identities(format: ReportFormat): readonly Identity[] {
  let list = identityCache.get(format);
  if (!list) {
    list = [...tableIdentities(format.tables.table3), ...tableIdentities(format.tables.table4)];
    identityCache.set(format, list);
  }
  return list;
}

function sum(figures: Figures, keys: readonly string[]): number | null {
  let total = 0;
  for (const key of keys) {
    const value = figures.value(key);
    if (value === null) return null;
    total += value;
  }
  return total;
}

/**
 * Evaluates every identity. A total the app derived (not stated by a source) holds by
 * construction; it is `uncheckable` only while an operand is blank.
 */
export function evaluateIdentities(figures: Figures): IdentityResult[] {
  return identities(figures.format).map((identity) => {
    const left = sum(figures, identity.left);
    const right = sum(figures, identity.right);
    const status: IdentityStatus = left === null || right === null ? 'uncheckable' : left === right ? 'pass' : 'fail';
    return { identity, status, left, right };
  });
}

/** How a cell is named in a message: its row label, or in table 4 its column group and label. */
function cellLabel(figures: Figures, key: string): string {
  const { cell } = figures.get(key);
  return cell.table === 'table4' ? `${cell.columnGroup}—${cell.columnLabel}` : cell.rowLabel;
}

function valueText(figures: Figures, key: string): string {
  return String(figures.value(key) ?? '空');
}

/** `自然人、商业企业…之和` for a 总计 column; `21项办理结果之和` for the （七）总计 row. */
function operandsName(figures: Figures, identity: Identity): string {
  if (identity.rule.endsWith('-RES')) return `${identity.right.length}项办理结果之和`;
  return `${identity.right.map((k) => figures.get(k).cell.columnLabel).join('、')}之和`;
}

function targetName(figures: Figures, identity: Identity): string {
  return identity.rule.endsWith('-RES') ? cellLabel(figures, identity.left[0]!) : '总计';
}

function failMessage(figures: Figures, result: IdentityResult): string {
  const { identity } = result;
  const diff = Math.abs(result.left! - result.right!);
  if (identity.kind === 'balance') {
    const side = (keys: readonly string[], total: number) =>
      `${keys.map((k) => `${cellLabel(figures, k)}（${valueText(figures, k)}）`).join('＋')}＝${total}`;
    return (
      `${identity.where}：${side(identity.left, result.left!)}，但${side(identity.right, result.right!)}，相差${diff}。` +
      '本表勾稽关系要求第一项加第二项之和等于第三项加第四项之和，请核对这几格。'
    );
  }
  return (
    `${identity.where}：${targetName(figures, identity)}为${result.left}，` +
    `但${operandsName(figures, identity)}为${result.right}，相差${diff}。合计与各项之和不符，请核对各项数字。`
  );
}

function uncheckableMessage(figures: Figures, identity: Identity): string {
  const blanks = [...identity.left, ...identity.right]
    .filter((k) => figures.value(k) === null)
    .map((k) => (identity.kind === 'total' && identity.table === 'table3' && identity.rule.endsWith('-SUM')
      ? figures.get(k).cell.columnLabel
      : cellLabel(figures, k)));
  const shown = blanks.length > 4 ? `${blanks.slice(0, 4).join('、')}等${blanks.length}格` : blanks.join('、');
  const what =
    identity.kind === 'balance'
      ? '第一项加第二项之和等于第三项加第四项之和'
      : `${targetName(figures, identity)}等于${operandsName(figures, identity)}`;
  return `${identity.where}：无法核对“${what}”，因为${shown}为空或不是有效数字。请补填后再核对。`;
}

/**
 * Findings for the identities: a failure is an error; an identity that cannot be checked
 * because some (not all) of its cells are blank is a warning. Identities whose cells are
 * all blank are left to the blank-cell rule, and derived totals need no finding of their own.
 */
export function identityFindings(figures: Figures, results: readonly IdentityResult[]): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const { identity } = result;
    const keys = [...identity.left, ...identity.right];
    const location = {
      table: identity.table,
      ...(identity.row !== undefined ? { row: identity.row } : {}),
      ...(identity.column !== undefined ? { column: identity.column } : {}),
      cells: keys,
    };
    if (result.status === 'fail') {
      findings.push({ id: identity.id, rule: identity.rule, severity: 'error', location, message: failMessage(figures, result) });
      continue;
    }
    if (result.status !== 'uncheckable') continue;
    const targetIsDerived = identity.kind === 'total' && figures.get(identity.left[0]!).entered === undefined;
    const someValue = keys.some((k) => figures.value(k) !== null);
    if (targetIsDerived || !someValue) continue;
    findings.push({
      id: identity.id,
      rule: identity.rule,
      severity: 'warning',
      location,
      message: uncheckableMessage(figures, identity),
    });
  }
  return findings;
}
