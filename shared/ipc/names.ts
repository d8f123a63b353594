/**
 * The names of the IPC: every channel, the menu and flush events, the menu commands, and
 * nothing else. The preload (Electron's, and the test harness's stand-in) needs only these
 * to build `window.nianbao`, and it runs before the page in every window: it imports this
 * file, not the contract with its zod schemas (with them it was 800 KB and took about
 * 30 ms of the page's main thread at each start). The contract (contract.ts) defines one
 * entry for each channel named here; the compiler checks that the two lists are the same.
 */

/** Prefix of every channel; main drops messages on any other channel. */
export const CHANNEL_PREFIX = 'nianbao:';

export const channels = [
  'nianbao:app:info',
  'nianbao:app:startupNotices',
  'nianbao:agencies:list',
  'nianbao:agencies:create',
  'nianbao:agencies:update',
  'nianbao:agencies:delete',
  'nianbao:agencies:restore',
  'nianbao:reports:list',
  'nianbao:reports:create',
  'nianbao:reports:open',
  'nianbao:reports:save',
  'nianbao:reports:saveChanges',
  'nianbao:reports:rename',
  'nianbao:reports:delete',
  'nianbao:reports:restore',
  'nianbao:revisions:list',
  'nianbao:revisions:view',
  'nianbao:revisions:restore',
  'nianbao:backups:list',
  'nianbao:backups:backupToFile',
  'nianbao:backups:restoreFromFile',
  'nianbao:exchange:export',
  'nianbao:exchange:import',
  'nianbao:export:docx',
  'nianbao:export:pdf',
  'nianbao:export:html',
  'nianbao:export:xlsx',
  'nianbao:export:preview',
  'nianbao:export:printAhead',
  'nianbao:export:print',
  'nianbao:comparison:exportDocx',
  'nianbao:requirements:export',
  'nianbao:requirements:import',
  'nianbao:import:read',
  'nianbao:import:pasted',
  'nianbao:import:confirm',
  'nianbao:summary:list',
  'nianbao:summary:open',
  'nianbao:summary:addUnits',
  'nianbao:summary:importUnits',
  'nianbao:summary:carryUnits',
  'nianbao:summary:removeUnit',
  'nianbao:summary:receiveFiles',
  'nianbao:summary:receiveFolder',
  'nianbao:summary:receiveProgress',
  'nianbao:summary:receiveCancel',
  'nianbao:summary:assignFile',
  'nianbao:summary:chooseRevision',
  'nianbao:summary:unit',
  'nianbao:summary:setNote',
  'nianbao:summary:sum',
  'nianbao:summary:exportOpinion',
  'nianbao:summary:exportReview',
  'nianbao:summary:exportSumXlsx',
  'nianbao:summary:exportSumReport',
  'nianbao:shell:showInFolder',
] as const;
export type Channel = (typeof channels)[number];

export function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}

/**
 * Commands of the native menus (文件/编辑/视图/帮助) that the page carries out, sent by main
 * on `MENU_EVENT`; the page subscribes with `window.nianbao.menu.onCommand(listener)`.
 */
export const MENU_EVENT = 'nianbao:menu';
export const MENU_COMMANDS = [
  'new-report',
  'import-report',
  'import-exchange',
  'export-docx',
  'export-pdf',
  'export-html',
  'export-xlsx',
  'export-exchange',
  'print',
  'backup',
  'restore-backup',
  'revisions',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * Before the window closes, main asks the page to save what is still pending: it sends
 * `FLUSH_EVENT` with a request number, the page runs its flush handlers
 * (`window.nianbao.lifecycle.onFlushRequest`) and answers `FLUSH_DONE_EVENT` with the same
 * number once they have settled; main closes on the answer or after its own timeout.
 */
export const FLUSH_EVENT = 'nianbao:flush';
export const FLUSH_DONE_EVENT = 'nianbao:flushed';
