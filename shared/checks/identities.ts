import { cellName, columnsSummedBy, crossCellKey, crossTable, formatTables, isBlockTable } from '../format/index.ts';
import type { CrossTableDef, ReportFormat, TableId } from '../format/index.ts';
import type { Figures } from '../figures/figures.ts';
import type { FindingDraft } from './finding.ts';
import type { IdentityRuleId } from './rules.ts';

/**
 * The arithmetic identities (勾稽关系) of tables 3 and 4, built from the format: the
 * corner note's balance per column, the （七）总计 row and the 总计 columns.
 */
export interface Identity {
  readonly id: string;
  readonly rule: IdentityRuleId;
  /**
   * `balance`: the corner note's rule, per column. `rowsTotal`: a total row (（七）总计) is
   * the sum of its rows, per column. `columnsTotal`: a 总计 column is the sum of its
   * columns, per row.
   */
  readonly kind: 'balance' | 'rowsTotal' | 'columnsTotal';
  readonly table: TableId;
  readonly row?: string;
  readonly column?: string;
  /** For a total, `left` is the total cell and `right` its operands. */
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

function last(path: readonly string[]): string {
  return path[path.length - 1] ?? '';
}

function tableIdentities(table: CrossTableDef): Identity[] {
  const prefix = table.rulePrefix;
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
        kind: 'rowsTotal',
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
      // A row without a label (table 4's only row): its totals are named by their column group.
      const unlabelled = row.path.length === 0;
      const suffix = unlabelled ? column.key.slice(0, column.key.lastIndexOf('.')) : row.key;
      identities.push({
        id: `${prefix}-SUM.${suffix}`,
        rule: `${prefix}-SUM`,
        kind: 'columnsTotal',
        table: table.id,
        row: row.key,
        column: column.key,
        left: [key(row.key, column.key)],
        right: summed.map((c) => key(row.key, c)),
        where: unlabelled ? `「${column.path.slice(0, -1).join('—')}」` : `「${last(row.path)}」行`,
      });
    }
  }
  return identities;
}

const identityCache = new WeakMap<ReportFormat, readonly Identity[]>();

export function identities(format: ReportFormat): readonly Identity[] {
  let list = identityCache.get(format);
  if (!list) {
    list = formatTables(format).flatMap((table) => (isBlockTable(table) ? [] : tableIdentities(table)));
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

/** A cell beside the other cells of an identity: by row along a column, by column along a row. */
function cellLabel(figures: Figures, identity: Identity, key: string): string {
  return cellName(figures.get(key).cell, identity.kind === 'columnsTotal' ? 'inRow' : 'inColumn');
}

/** The table's own words for an identity's rule: its balance as stated, or the parts a total adds up. */
function tableOf(figures: Figures, identity: Identity): CrossTableDef {
  return crossTable(figures.format, identity.table);
}

function valueText(figures: Figures, key: string): string {
  return String(figures.value(key) ?? '空');
}

/** `自然人、商业企业…之和` for a 总计 column; `21项办理结果之和` for the （七）总计 row. */
function operandsName(figures: Figures, identity: Identity): string {
  if (identity.kind === 'rowsTotal') {
    const parts = tableOf(figures, identity).rows.find((r) => r.key === identity.row)?.partsName ?? '';
    return `${identity.right.length}项${parts}之和`;
  }
  return `${identity.right.map((k) => figures.get(k).cell.columnLabel).join('、')}之和`;
}

function targetName(figures: Figures, identity: Identity): string {
  const target = figures.get(identity.left[0]!).cell;
  return identity.kind === 'rowsTotal' ? cellLabel(figures, identity, target.key) : target.columnLabel;
}

function balanceRule(figures: Figures, identity: Identity): string {
  return tableOf(figures, identity).balance?.rule ?? '';
}

function failMessage(figures: Figures, result: IdentityResult): string {
  const { identity } = result;
  const diff = Math.abs(result.left! - result.right!);
  if (identity.kind === 'balance') {
    const side = (keys: readonly string[], total: number) =>
      `${keys.map((k) => `${cellLabel(figures, identity, k)}（${valueText(figures, k)}）`).join('＋')}＝${total}`;
    return (
      `${identity.where}：${side(identity.left, result.left!)}，但${side(identity.right, result.right!)}，相差${diff}。` +
      `本表勾稽关系要求${balanceRule(figures, identity)}，请核对这几格。`
    );
  }
  return (
    `${identity.where}：${targetName(figures, identity)}为${result.left}，` +
    `但${operandsName(figures, identity)}为${result.right}，相差${diff}。合计与各项之和不符，请核对各项数字。`
  );
}

function uncheckableMessage(figures: Figures, identity: Identity): string {
  const blanks = [...identity.left, ...identity.right].filter((k) => figures.value(k) === null).map((k) => cellLabel(figures, identity, k));
  const shown = blanks.length > 4 ? `${blanks.slice(0, 4).join('、')}等${blanks.length}格` : blanks.join('、');
  const what =
    identity.kind === 'balance'
      ? balanceRule(figures, identity)
      : `${targetName(figures, identity)}等于${operandsName(figures, identity)}`;
  return `${identity.where}：无法核对“${what}”，因为${shown}为空或不是有效数字。请补填后再核对。`;
}

/**
 * Findings for the identities: a failure is an error; an identity that cannot be checked
 * because some (not all) of its cells are blank is a warning. Identities whose cells are
 * all blank are left to the blank-cell rule, and derived totals need no finding of their own.
 */
export function identityFindings(figures: Figures, results: readonly IdentityResult[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
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
    const targetIsDerived = identity.kind !== 'balance' && figures.get(identity.left[0]!).entered === undefined;
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
