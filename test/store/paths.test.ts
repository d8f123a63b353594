import { join } from 'node:path';
import { homedir } from 'node:os';
import { expect, test } from 'vitest';
import { defaultDataDir } from '../../services/store/index.ts';

test("the CLI's default data folder is the app's userData folder (productName 年报)", () => {
  expect(defaultDataDir({ NIANBAO_DATA_DIR: '/data/nianbao' }, 'linux')).toBe('/data/nianbao');
  expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\li\\AppData\\Roaming', '年报'));
  expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', '年报'));
  expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', '年报'));
  expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', '年报'));
});
