import type { CheckResult, Finding } from '../../shared/checks/index.ts';
import { cellIndex } from '../../shared/format/index.ts';
import type { ReportFormat, SectionDef } from '../../shared/format/index.ts';
import { reportReadiness } from '../../shared/ipc/reportStatus.ts';
import type { Report } from '../../shared/model/report.ts';

/**
 * The guided flow: 机关信息, one step per section (一 … 六), 检查 and 导出, and how far
 * each step is. A step is done when it is filled in and has no error; blank table cells
 * make it unfinished rather than wrong.
 */

export type StepId = 'agency' | `section:${string}` | 'checks' | 'export';

export interface Step {
  readonly id: StepId;
  readonly title: string;
  /** What the narrow step rail shows: the section's numeral (一 … 六) or a short word. */
  readonly short: string;
  readonly section?: SectionDef;
}

export type StepStatus = 'done' | 'started' | 'empty' | 'errors';

export interface StepProgress {
  readonly status: StepStatus;
  readonly findings: readonly Finding[];
  /** A short line under the step's title, e.g. 已填 12/168 格. */
  readonly note: string;
}

export function flowSteps(format: ReportFormat): Step[] {
  return [
    { id: 'agency', title: '机关信息', short: '机关' },
    ...format.sections.map((section): Step => ({ id: `section:${section.key}`, title: section.heading, short: section.heading.split('、')[0]!, section })),
    { id: 'checks', title: '检查', short: '检查' },
    { id: 'export', title: '预览与导出', short: '导出' },
  ];
}

/** Blank cells of a table: one line in the guidance, only tinted in the grid. */
export function isBlankCells(finding: Finding): boolean {
  return finding.kind === 'unfinished' && finding.location.table !== undefined;
}

/** The step a finding belongs to: its table's or its section's, the agency, or the checks. */
export function stepOfFinding(format: ReportFormat, finding: Finding): StepId {
  const { table, section } = finding.location;
  if (table) {
    const owner = format.sections.find((s) => s.table === table);
    if (owner) return `section:${owner.key}`;
  }
  if (section) return `section:${section}`;
  if (finding.location.field?.startsWith('agency.')) return 'agency';
  return 'checks';
}

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

function statusOf(findings: readonly Finding[], filled: number, total: number): StepStatus {
  if (findings.some((f) => f.kind === 'mistake')) return 'errors';
  if (filled === 0) return 'empty';
  return filled === total && !findings.some((f) => f.kind === 'unfinished') ? 'done' : 'started';
}

export function stepProgress(format: ReportFormat, report: Report, checks: CheckResult): Map<StepId, StepProgress> {
  const byStep = new Map<StepId, Finding[]>();
  for (const finding of checks.findings) {
    const step = stepOfFinding(format, finding);
    byStep.set(step, [...(byStep.get(step) ?? []), finding]);
  }
  const progress = new Map<StepId, StepProgress>();
  const agencyFindings = byStep.get('agency') ?? [];
  const named = !isBlank(report.agency.name);
  progress.set('agency', { status: statusOf(agencyFindings, named ? 1 : 0, 1), findings: agencyFindings, note: named ? report.agency.name : '请填写机关名称' });
  const inputs = cellIndex(format).inputs;
  for (const section of format.sections) {
    const id: StepId = `section:${section.key}`;
    const findings = byStep.get(id) ?? [];
    if (section.table) {
      const cells = inputs.filter((c) => c.table === section.table);
      const filled = cells.filter((c) => !isBlank(report.values[c.key])).length;
      progress.set(id, { status: statusOf(findings, filled, cells.length), findings, note: `已填 ${filled}/${cells.length} 格` });
    } else {
      const written = !isBlank(report.sections[section.key]);
      const status = statusOf(findings, written ? 1 : 0, 1);
      // A written section is unfinished while starters or placeholders are left in it.
      const note = !written ? '未填写' : status === 'started' ? '有待修改的示例文字' : '已填写';
      progress.set(id, { status, findings, note });
    }
  }
  const { warning, hint } = checks.counts;
  const { status, mistakes, unfinished } = reportReadiness(checks);
  const counts = [mistakes && `${mistakes} 个错误`, unfinished && `${unfinished} 项未完成`, warning && `${warning} 个警告`].filter(Boolean);
  progress.set('checks', {
    status: mistakes ? 'errors' : unfinished ? 'started' : 'done',
    findings: checks.findings,
    note: counts.length ? counts.join('，') : hint ? `${hint} 条提示` : '没有发现问题',
  });
  const exportNote = { ready: '可以导出', errors: '仍有错误，可先预览', draft: '尚未填完，可先预览' }[status];
  progress.set('export', { status: status === 'ready' ? 'done' : 'started', findings: [], note: exportNote });
  return progress;
}

/** Steps of the report itself (机关信息 and the six sections) that are done. */
export function completedCount(steps: readonly Step[], progress: ReadonlyMap<StepId, StepProgress>): { done: number; total: number } {
  const own = steps.filter((s) => s.id === 'agency' || s.section);
  return { done: own.filter((s) => progress.get(s.id)?.status === 'done').length, total: own.length };
}
