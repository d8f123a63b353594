import { Alert } from 'antd';
import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { daysLeft, publishingDeadline } from '../../shared/model/deadline.ts';

interface DeadlineNoteProps {
  readonly agency: AgencyRecord;
  readonly reports: readonly ReportSummary[] | undefined;
  readonly today: Date;
  readonly onEditAgency: () => void;
}

/**
 * The publishing deadline of the agency's newest report and the days left
 * (《条例》第四十九条); the agency's kind decides it, so without a kind it asks for one.
 */
export function DeadlineNote({ agency, reports, today, onEditAgency }: DeadlineNoteProps) {
  const newest = (reports ?? []).filter((r) => !r.deletedAt).reduce<ReportSummary | undefined>((a, r) => (a && a.year >= r.year ? a : r), undefined);
  if (!newest) return null;
  const kind = agency.agency.kind;
  if (kind === null) {
    return (
      <Alert
        className="nb-gap"
        type="info"
        showIcon
        data-testid="deadline"
        message={`${newest.year}年度报告的公布期限取决于机关类型（政府部门1月31日前，地方人民政府3月31日前）。`}
        action={<a onClick={onEditAgency}>选择机关类型</a>}
      />
    );
  }
  const deadline = publishingDeadline(kind, newest.year);
  const days = daysLeft(deadline, today);
  const when = days > 0 ? `还有 ${days} 天` : days === 0 ? '就是今天' : `已过 ${-days} 天`;
  return (
    <Alert
      className="nb-gap"
      type={days < 0 ? 'error' : days <= 14 ? 'warning' : 'info'}
      showIcon
      data-testid="deadline"
      message={`${newest.year}年度报告应于${deadline.text}前向社会公布，${when}。`}
      description="依据《中华人民共和国政府信息公开条例》第四十九条。"
    />
  );
}
