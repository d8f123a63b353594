import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract.ts';

/** The native menus, in Chinese. Commands that concern the open report are carried out by the page. */

export interface MenuActions {
  readonly send: (command: MenuCommand) => void;
  readonly openDataFolder: () => void;
  /** Development only: reload and developer tools. */
  readonly development: boolean;
}

export function buildMenu({ send, openDataFolder, development }: MenuActions): Menu {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator } : {}),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        command('新建报告…', 'new-report', 'CmdOrCtrl+N'),
        command('导入已有报告（Word、PDF、文本）…', 'import-report', 'CmdOrCtrl+O'),
        command('导入交换文件…', 'import-exchange'),
        { type: 'separator' },
        {
          label: '导出',
          submenu: [
            command('导出Word文档（DOCX）…', 'export-docx', 'CmdOrCtrl+E'),
            command('导出PDF…', 'export-pdf'),
            command('导出网页（HTML）…', 'export-html'),
            command('导出Excel表格（XLSX）…', 'export-xlsx'),
            command('导出交换文件…', 'export-exchange'),
          ],
        },
        command('打印…', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('历史版本…', 'revisions'),
        {
          label: '备份',
          submenu: [command('备份到文件…', 'backup'), command('从备份文件恢复…', 'restore-backup')],
        },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(development
          ? ([
              { type: 'separator' },
              { label: '重新加载', role: 'reload' },
              { label: '开发者工具', role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '打开数据文件夹', click: openDataFolder }, { type: 'separator' }, command('关于年报', 'about')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
