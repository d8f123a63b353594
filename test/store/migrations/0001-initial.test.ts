import { join } from 'node:path';
import { expect, test } from 'vitest';
import { APPLICATION_ID, openReadWrite, userVersion } from '../../../services/store/database.ts';
import { migrate } from '../../../services/store/migrate.ts';
import { initial } from '../../../services/store/migrations/0001-initial.ts';
import { tempDir } from '../support.ts';

function columns(db: ReturnType<typeof openReadWrite>, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

test('0001-initial: agencies, reports and revisions on an empty database', () => {
  const db = openReadWrite(join(tempDir(), 'nianbao.db'));
  try {
    expect(migrate(db, [initial])).toEqual({ ok: true, value: { from: 0, to: 1 } });
    expect(userVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(columns(db, 'agencies')).toEqual(['id', 'name', 'details', 'created_at', 'updated_at', 'deleted_at']);
    expect(columns(db, 'reports')).toEqual(['id', 'agency_id', 'year', 'label', 'content', 'content_hash', 'created_at', 'updated_at', 'deleted_at']);
    expect(columns(db, 'revisions')).toEqual(['id', 'report_id', 'created_at', 'reason', 'note', 'summary', 'content', 'content_hash']);

    db.prepare("INSERT INTO agencies (id, name, details, created_at, updated_at) VALUES (1, '甲', '{}', 't', 't')").run();
    const addReport = db.prepare("INSERT INTO reports (agency_id, year, content, content_hash, created_at, updated_at, deleted_at) VALUES (?, 2024, '{}', 'h', 't', 't', ?)");
    addReport.run(1, null);
    // One live report per agency and year; any number in the recycle bin.
    expect(() => addReport.run(1, null)).toThrow(/UNIQUE/);
    addReport.run(1, 'deleted');
    addReport.run(1, 'deleted');
    // References are enforced.
    expect(() => addReport.run(2, null)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO revisions (report_id, created_at, reason, summary, content, content_hash) VALUES (99, 't', 'created', '', x'00', 'h')").run(),
    ).toThrow(/FOREIGN KEY/);
    // STRICT tables refuse values of the wrong type.
    expect(() => db.prepare("INSERT INTO reports (agency_id, year, content, content_hash, created_at, updated_at) VALUES (1, 'x', '{}', 'h', 't', 't')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  } finally {
    db.close();
  }
});
