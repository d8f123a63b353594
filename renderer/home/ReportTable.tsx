import { useState } from 'react';
import { App as AntApp, Button, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { REPORT_STATUSES } from '../../shared/ipc/reportStatus.ts';
import type { AgencyRecord, ReportStatus, ReportSummary } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';
import { shortDateTime } from '../time.ts';

interface ReportTableProps {
  readonly agency: AgencyRecord;
  readonly reports: readonly ReportSummary[] | undefined;
  readonly onOpen: (report: ReportSummary) => void;
  readonly onNew: () => void;
  /** Opens the 汇总 of the subordinate units' reports of a year. */
  readonly onSummary: (year: number) => void;
  readonly onEditAgency: () => void;
  readonly onChanged: () => void;
  /** Something went to the recycle bin; `undo` brings it back. */
  readonly onDeleted: (what: string, undo: () => Promise<unknown>) => void;
}

const STATUS_COLORS: Readonly<Record<ReportStatus, string>> = { draft: 'default', errors: 'error', ready: 'success' };

interface DeleteButtonProps {
  readonly title: string;
  /** What goes to the recycle bin with it. */
  readonly description: string;
  readonly label: string;
  readonly small?: boolean;
  readonly onConfirm: () => void;
}

/** Deleting moves to the recycle bin; the user confirms first. */
function DeleteButton({ title, description, label, small, onConfirm }: DeleteButtonProps) {
  return (
    <Popconfirm title={title} description={`${description}移到回收站，可以恢复。`} okText="删除" cancelText="取消" onConfirm={onConfirm}>
      <Button danger size={small ? 'small' : 'middle'}>
        {label}
      </Button>
    </Popconfirm>
  );
}

/** One agency's reports by year, newest first. */
export function ReportTable({ agency, reports, onOpen, onNew, onSummary, onEditAgency, onChanged, onDeleted }: ReportTableProps) {
  const { message } = AntApp.useApp();
  const [renaming, setRenaming] = useState<{ report: ReportSummary; name: string } | undefined>(undefined);
  const deleted = agency.deletedAt !== null;

  const act = (call: Promise<unknown>, after: () => void): void => {
    call.then(after, (error: unknown) => message.error(reason(error)));
  };

  const rows = [...(reports ?? [])].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt));
  // The year being reported on: the newest report's, else last year (reports are written early in the next year).
  const summaryYear = rows.find((r) => !r.deletedAt)?.year ?? new Date().getFullYear() - 1;
  return (
    <section className="nb-reports" data-testid="reports">
      <div className="nb-reports-head">
        <div>
          <h2>{agency.agency.name}</h2>
          <span className="nb-muted">{agency.agency.website || '尚未填写网站名称'}</span>
        </div>
        <Space>
          {deleted ? (
            <Button onClick={() => act(nianbao.agencies.restore({ id: agency.id }), onChanged)}>从回收站恢复此机关</Button>
          ) : (
            <>
              <Button onClick={onEditAgency}>机关信息</Button>
              <DeleteButton
                title="删除这个机关？"
                description="机关及其全部报告"
                label="删除机关"
                onConfirm={() =>
                  act(nianbao.agencies.delete({ id: agency.id }), () =>
                    onDeleted(`“${agency.agency.name}”`, () => nianbao.agencies.restore({ id: agency.id })),
                  )
                }
              />
              <Button onClick={() => onSummary(summaryYear)} title="接收、审核和汇总下级单位的年度报告" data-action="open-summary">
                汇总下级报告
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-action="new-report">
                新建报告
              </Button>
            </>
          )}
        </Space>
      </div>
      <Table<ReportSummary>
        rowKey="id"
        dataSource={rows}
        loading={reports === undefined}
        pagination={false}
        size="middle"
        locale={{ emptyText: '还没有报告。点击“新建报告”开始填写。' }}
        onRow={(report) => ({ onDoubleClick: () => !report.deletedAt && onOpen(report), 'data-report-year': report.year }) as object}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80, render: (year: number) => `${year}年` },
          {
            title: '报告',
            dataIndex: 'name',
            render: (name: string, report) => (
              <a onClick={() => !report.deletedAt && onOpen(report)} className={report.deletedAt ? 'nb-deleted' : undefined}>
                {name}
              </a>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (status: ReportStatus, report) => (
              <span data-testid="report-status">
                <Tag color={STATUS_COLORS[status]}>{REPORT_STATUSES[status]}</Tag>
                {status === 'errors' && <span className="nb-muted">{report.errorCount} 个错误</span>}
                {status === 'draft' && <span className="nb-muted">{report.unfinishedCount} 项未完成</span>}
              </span>
            ),
          },
          { title: '最后编辑', dataIndex: 'updatedAt', width: 150, render: (at: string) => shortDateTime(at) },
          {
            title: '操作',
            width: 190,
            render: (_, report) =>
              report.deletedAt ? (
                <Button size="small" onClick={() => act(nianbao.reports.restore({ id: report.id }), onChanged)}>
                  恢复
                </Button>
              ) : (
                <Space size={4}>
                  <Button size="small" type="primary" ghost onClick={() => onOpen(report)} data-action="open-report">
                    打开
                  </Button>
                  <Button size="small" onClick={() => setRenaming({ report, name: report.name })}>
                    重命名
                  </Button>
                  <DeleteButton
                    title="删除这份报告？"
                    description="报告"
                    label="删除"
                    small
                    onConfirm={() =>
                      act(nianbao.reports.delete({ id: report.id }), () =>
                        onDeleted(`“${report.name}”`, () => nianbao.reports.restore({ id: report.id })),
                      )
                    }
                  />
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title="重命名报告"
        open={renaming !== undefined}
        okText="确定"
        cancelText="取消"
        onCancel={() => setRenaming(undefined)}
        onOk={() =>
          renaming &&
          act(nianbao.reports.rename({ id: renaming.report.id, name: renaming.name }), () => {
            setRenaming(undefined);
            onChanged();
          })
        }
      >
        <Input value={renaming?.name} maxLength={100} onChange={(e) => renaming && setRenaming({ ...renaming, name: e.target.value })} />
      </Modal>
    </section>
  );
}
