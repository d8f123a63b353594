import { z } from 'zod';

/** A result that carries a readable reason instead of throwing. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * The one map of field names in messages, for every schema that validates what crosses
 * a boundary: the report model, the store's method inputs and the IPC arguments. A field
 * name means the same wherever it occurs.
 */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  // The report model
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
  // Store inputs and IPC arguments
  id: '编号',
  dataDir: '数据文件夹',
  clock: '时钟',
  readOnly: '只读',
  deleted: '回收站',
  includeDeleted: '回收站',
  from: '起始方式',
  agencyId: '机关编号',
  reportId: '报告编号',
  revisionId: '版本编号',
  report: '报告',
  label: '报告名称',
  reason: '原因',
  note: '说明',
  source: '来源',
  path: '文件路径',
  workspaceId: '汇总编号',
  unitId: '单位编号',
  fileId: '文件编号',
  jobId: '接收任务编号',
  units: '单位名单',
  aliases: '别名',
  fileName: '文件名',
  bytes: '文件内容',
  reading: '读取结果',
  match: '单位匹配',
  findingKey: '问题',
  text: '内容',
  html: '网页内容',
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

/** zod's own messages (wrong type, unknown key) in Chinese, where a schema gives none. */
const chineseMessages = z.locales.zhCN().localeError;

/**
 * Validates `input` with `schema`, returning a readable error instead of throwing: where
 * (field names in Chinese) and what is wrong, after `prefix` (e.g. `输入有误：`).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { error: chineseMessages });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: prefix + describeSchemaError(parsed.error) };
}
