import type { ValueKind } from '../format/types.ts';

/**
 * Turns what a user typed (or an importer read) into a canonical figure, or says in
 * Chinese why it is not one. Nothing typed is thrown away: the caller keeps the raw
 * text when the result is a rejection.
 */

/** Table kinds plus 元 amounts (the 信息处理费 figures of section 六). */
export type FigureKind = ValueKind | 'yuan';

export type FigureResult =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly typed: string; readonly message: string };

interface KindRules {
  readonly name: string;
  readonly units: readonly string[];
  readonly maxDecimals: number;
  readonly maxIntegerDigits: number;
  readonly hint: string;
}

const RULES: Readonly<Record<FigureKind, KindRules>> = {
  count: {
    name: '件数',
    units: ['件', '条', '个', '项', '次'],
    maxDecimals: 0,
    maxIntegerDigits: 15,
    hint: '请填写0或正整数（如 12），没有的填0',
  },
  money: {
    name: '金额（万元）',
    // 万 alone is how amounts are often written (1.5万); this column is in 万元 anyway.
    units: ['万元', '万'],
    maxDecimals: 4,
    maxIntegerDigits: 9,
    hint: '请填写以万元为单位、最多4位小数的非负数（如 1.2345），没有的填0',
  },
  yuan: {
    name: '金额（元）',
    units: ['元'],
    maxDecimals: 2,
    maxIntegerDigits: 12,
    hint: '请填写以元为单位、最多2位小数的非负数（如 35.50），没有的填0',
  },
};

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** Dashes tables print for "nothing here" (—, –, -, －, ——): never a minus sign on their own. */
const DASH_ONLY = /^[-－—–−﹣]+$/;
const WHITESPACE = /[\s\u3000\u00A0\u200B\uFEFF]+/g;

/** Maps full-width digits and punctuation that can appear in a figure to ASCII. */
function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, '.')
    .replace(/[，,]/g, ',')
    .replace(/[－—–−﹣]/g, '-')
    .replace(/＋/g, '+');
}

/** Removes thousands separators when they group digits by three; otherwise undefined. */
function withoutSeparators(text: string): string | undefined {
  if (!text.includes(',')) return text;
  const [integer, ...rest] = text.split('.');
  if (rest.length > 1 || !/^\d{1,3}(,\d{3})+$/.test(integer!)) return undefined;
  return [integer!.replace(/,/g, ''), ...rest].join('.');
}

function whyNotAFigure(text: string, kind: FigureKind): string | undefined {
  const rules = RULES[kind];
  if (text === '') return '只有单位，没有数字';
  if (DASH_ONLY.test(text)) return '横线不是数字，没有的请填0';
  if (text.startsWith('-')) return '不能为负数';
  if (!/^\d*\.?\d*$/.test(text) || !/\d/.test(text)) {
    const foreignUnit = Object.values(RULES)
      .flatMap((r) => r.units)
      .find((u) => text.endsWith(u) && !rules.units.includes(u));
    return foreignUnit ? `单位“${foreignUnit}”不适用于此格` : '含有数字以外的字符';
  }
  const [integer = '', decimals = ''] = text.split('.');
  if (decimals.length > rules.maxDecimals) {
    if (rules.maxDecimals === 0) return '件数不能有小数';
    return `小数超过${rules.maxDecimals}位`;
  }
  if (integer.replace(/^0+/, '').length > rules.maxIntegerDigits) return '数字过大';
  return undefined;
}

/**
 * Normalises a figure of the given kind. Blank input (empty or only spaces) gives
 * `value: null`; a count gives its decimal digits (`"１２ 件"` → `"12"`); amounts keep
 * the decimals as typed (`"1.50"` stays `"1.50"`, never a binary float).
 */
export function normaliseFigure(input: string, kind: FigureKind): FigureResult {
  const typed = input.trim();
  let text = toHalfWidth(input).replace(WHITESPACE, '');
  if (text === '') return { ok: true, value: null };
  const unit = RULES[kind].units.find((u) => text.endsWith(u));
  if (unit) text = text.slice(0, -unit.length);
  if (text.startsWith('+')) text = text.slice(1);
  const unseparated = withoutSeparators(text);
  const reason = unseparated === undefined ? '千位分隔符的位置不对' : whyNotAFigure(unseparated, kind);
  if (reason !== undefined || unseparated === undefined) {
    const rules = RULES[kind];
    return { ok: false, typed, message: `“${typed}”不是有效的${rules.name}：${reason}。${rules.hint}。` };
  }
  const [integer = '', decimals = ''] = unseparated.split('.');
  const canonicalInteger = integer.replace(/^0+(?=\d)/, '') || '0';
  return { ok: true, value: decimals ? `${canonicalInteger}.${decimals}` : canonicalInteger };
}
