import type { z } from 'zod';

/** A result that carries a readable reason instead of throwing. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const FIELD_NAMES: Readonly<Record<string, string>> = {
  formatId: '报告格式',
  year: '年度',
  agency: '机关',
  name: '名称',
  level: '层级',
  contact: '联系方式',
  website: '网站名称',
  websiteUrl: '网址',
  address: '地址',
  phone: '电话',
  exportOptions: '导出设置',
  kind: '机关类型',
  localRequirements: '本地要求',
  overviewMaxChars: '总体情况字数上限',
  overviewSubheadings: '总体情况小标题',
  problemsItemised: '问题逐条列出',
  issuer: '下发单位',
  sections: '章节',
  values: '表格数据',
  statedTotals: '来源文件所列合计',
  infoFee: '信息处理费',
};

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'string' ? (FIELD_NAMES[p] ?? p) : String(p))).join(' › ');
}

/** Chinese description of a schema failure: where, and what is wrong (first few issues). */
export function describeSchemaError(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}：${issue.message}` : issue.message;
  });
  const more = error.issues.length > limit ? `（另有${error.issues.length - limit}处问题）` : '';
  return lines.join('；') + more;
}

/** Validates `input` with `schema`, returning a readable error instead of throwing. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeSchemaError(parsed.error) };
}
