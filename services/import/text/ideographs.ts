/**
 * Text layers of PDFs made with CJK fonts often map a glyph to a radical code point
 * instead of the ideograph it shares a glyph with (`⼀` U+2F00 for `一`, `⻓` U+2ED3 for
 * `长`), because the font lists both. Such radicals never occur in a report's text, so
 * they are turned back into the ideographs. Kangxi radicals decompose by NFKC; the CJK
 * Radicals Supplement mostly does not, so its simplified and traditional forms that
 * stand for whole characters are listed (Unicode's EquivalentUnifiedIdeograph data).
 */

const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E81': '厂', '\u2E84': '乙', '\u2E85': '亻', '\u2E86': '冂', '\u2E89': '刂', '\u2E8A': '卜',
  '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E90': '尢', '\u2E92': '巳', '\u2E93': '幺',
  '\u2E96': '忄', '\u2E97': '心', '\u2E98': '扌', '\u2E99': '攵', '\u2E9B': '旡', '\u2E9C': '日',
  '\u2E9D': '月', '\u2E9F': '母', '\u2EA0': '民', '\u2EA1': '氵', '\u2EA3': '灬', '\u2EA4': '爫',
  '\u2EA6': '丬', '\u2EA7': '牛', '\u2EA8': '犭', '\u2EA9': '王', '\u2EAB': '目', '\u2EAC': '示',
  '\u2EAD': '礻', '\u2EAF': '糹', '\u2EB0': '纟', '\u2EB2': '罒', '\u2EB6': '羊', '\u2EB9': '耂',
  '\u2EBA': '肀', '\u2EBC': '肉', '\u2EBD': '臼', '\u2EBE': '艹', '\u2EC1': '虎', '\u2EC2': '衤',
  '\u2EC3': '覀', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC8': '讠', '\u2EC9': '贝',
  '\u2ECB': '车', '\u2ECC': '辶', '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED1': '長', '\u2ED3': '长',
  '\u2ED4': '门', '\u2ED5': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页',
  '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '飠', '\u2EE0': '饣', '\u2EE2': '马',
  '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦',
  '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEC': '齐', '\u2EEE': '齿', '\u2EF0': '龙', '\u2EF3': '龟',
};

const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;

/** Replaces radical code points by the ideographs they stand for; other text is unchanged. */
export function restoreIdeographs(text: string): string {
  return text.replace(RADICAL, (c) => SUPPLEMENT[c] ?? (c >= '\u2F00' ? c.normalize('NFKC') : c));
}
