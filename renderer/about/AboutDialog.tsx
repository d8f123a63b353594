import { Descriptions, Modal, Typography } from 'antd';
import type { AppInfo } from '../../shared/ipc/contract.ts';

/** A folder the clerk may need to tell IT about: shown in full, copyable. */
function Folder({ path }: { readonly path: string }) {
  return <Typography.Text copyable>{path}</Typography.Text>;
}

/**
 * 关于年报: version, the format and data version this app writes, where the user's data,
 * backups and logs are, and the third-party notices. Open while `info` is set (from
 * `nianbao.app.info()`).
 */
export function AboutDialog({ info, onClose }: { readonly info: AppInfo | undefined; readonly onClose: () => void }) {
  return (
    <Modal title="关于年报" open={info !== undefined} footer={null} width={680} onCancel={onClose}>
      {info && (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="版本">
              {info.name} {info.version}
            </Descriptions.Item>
            <Descriptions.Item label="报告格式">
              {info.formatName}（{info.formatBasis}）
            </Descriptions.Item>
            <Descriptions.Item label="数据版本">
              {info.dataVersion}（本版本保存的报告和交换文件的数据版本；较新版本保存的数据，本版本拒绝打开，不会改动）
            </Descriptions.Item>
            <Descriptions.Item label="数据目录">
              <Folder path={info.dataDir} />
            </Descriptions.Item>
            <Descriptions.Item label="备份目录">
              <Folder path={info.backupsDir} />
            </Descriptions.Item>
            <Descriptions.Item label="日志目录">
              <Folder path={info.logsDir} />
            </Descriptions.Item>
          </Descriptions>
          <p className="nb-hint nb-gap">卸载、重新安装或升级本程序都不会删除以上目录中的数据；只有在 Windows 上以 --delete-app-data 参数运行卸载程序时，才会删除数据目录。</p>
          <h4 className="nb-gap">第三方软件与字体</h4>
          <pre className="nb-notices" data-testid="about-notices">
            {info.notices}
          </pre>
        </>
      )}
    </Modal>
  );
}
