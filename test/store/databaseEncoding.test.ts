import { join } from 'node:path';
import { expect, test } from 'vitest';
import { APPLICATION_ID, inspectDatabaseFile, openReadWrite } from '../../services/store/database.ts';
import { latestVersion } from '../../services/store/migrate.ts';
import { migrations } from '../../services/store/migrations/index.ts';
import { tempDir } from './support.ts';

/** Reports are stored as their UTF-8 bytes (services/store/reports.ts): a database in another text encoding is not used. */
test('a database in UTF-16 with our application id is refused as not ours, one in UTF-8 is not', () => {
  const dir = tempDir();
  const make = (name: string, encoding: string) => {
    const path = join(dir, name);
    const db = openReadWrite(path);
    db.pragma(`encoding = '${encoding}'`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE t (x TEXT)');
    db.close();
    return path;
  };
  const utf16 = inspectDatabaseFile(make('utf16.db', 'UTF-16le'), latestVersion(migrations));
  expect(utf16).toEqual({ state: 'damaged', reason: '数据库的文字编码不是UTF-8，这不是年报建立的数据库文件' });
  expect(inspectDatabaseFile(make('utf8.db', 'UTF-8'), latestVersion(migrations)).state).toBe('ok');
});
