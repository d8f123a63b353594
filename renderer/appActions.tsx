import { useState } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { CloudDownloadOutlined, CloudUploadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { AppInfo } from '../shared/ipc/contract.ts';
import { nianbao, reason } from './api.ts';
import { AboutDialog } from './screens.tsx';

export interface AppActions {
  readonly backup: () => void;
  readonly restore: () => void;
  readonly about: () => void;
  /** The About dialog, to be rendered once. */
  readonly dialogs: ReactNode;
}

/** Backup to a file, restore from one, and the About dialog: from the home screen's buttons or the menus. */
export function useAppActions(onRestored: () => void): AppActions {
  const { message, modal } = AntApp.useApp();
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  // The About dialog's script is loaded when it is first asked for, and stays for its closing animation.
  const [aboutAsked, setAboutAsked] = useState(false);

  const backup = async (): Promise<void> => {
    try {
      const file = await nianbao.backups.backupToFile();
      if (file) message.success(`已备份到 ${file.path}`);
    } catch (error) {
      message.error(reason(error));
    }
  };

  const restore = (): void => {
    modal.confirm({
      title: '从备份文件恢复？',
      content: '恢复会用备份中的全部机关和报告替换当前数据。当前数据会先自动备份，不会丢失。',
      okText: '选择备份文件…',
      cancelText: '取消',
      onOk: async () => {
        try {
          if ((await nianbao.backups.restoreFromFile()).restored) {
            message.success('已从备份恢复');
            onRestored();
          }
        } catch (error) {
          message.error(reason(error));
        }
      },
    });
  };

  const about = async (): Promise<void> => {
    setAboutAsked(true);
    try {
      setInfo(await nianbao.app.info());
    } catch (error) {
      message.error(reason(error));
    }
  };

  const dialogs = aboutAsked && <AboutDialog.Screen info={info} onClose={() => setInfo(undefined)} />;

  return { backup: () => void backup(), restore, about: () => void about(), dialogs };
}

export function AppButtons({ actions }: { readonly actions: AppActions }) {
  return (
    <Space>
      <Button icon={<CloudDownloadOutlined />} onClick={actions.backup} data-action="backup">
        备份
      </Button>
      <Button icon={<CloudUploadOutlined />} onClick={actions.restore} data-action="restore-backup">
        从备份恢复
      </Button>
      <Button icon={<InfoCircleOutlined />} onClick={actions.about}>
        关于
      </Button>
    </Space>
  );
}
