import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openReadWrite, userVersion } from '../../../services/store/database.ts';
import { migrate } from '../../../services/store/migrate.ts';
import { initial } from '../../../services/store/migrations/0001-initial.ts';
import { migrations } from '../../../services/store/migrations/index.ts';
import { summary } from '../../../services/store/migrations/0002-summary.ts';
import { tempDir } from '../support.ts';

function tables(db: ReturnType<typeof openReadWrite>): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
}

test('0002-summary: a version-1 database migrates, its agencies, reports and revisions kept', () => {
  const db = openReadWrite(join(tempDir(), 'nianbao.db'));
  try {
    expect(migrate(db, [initial])).toEqual({ ok: true, value: { from: 0, to: 1 } });
    db.prepare("INSERT INTO agencies (id, name, details, created_at, updated_at) VALUES (1, '湖滨县人民政府办公室', '{}', 't', 't')").run();
    db.prepare("INSERT INTO reports (id, agency_id, year, content, content_hash, created_at, updated_at) VALUES (1, 1, 2024, '{\"x\":1}', 'h', 't', 't')").run();
    db.prepare("INSERT INTO revisions (report_id, created_at, reason, summary, content, content_hash) VALUES (1, 't', 'created', '', x'0102', 'h')").run();
    const before = {
      agencies: db.prepare('SELECT * FROM agencies').all(),
      reports: db.prepare('SELECT * FROM reports').all(),
      revisions: db.prepare('SELECT * FROM revisions').all(),
    };

    expect(migrations.slice(0, 2)).toEqual([initial, summary]);
    expect(migrate(db, migrations)).toEqual({ ok: true, value: { from: 1, to: migrations.length } });
    expect(userVersion(db)).toBe(migrations.length);
    expect(db.prepare('SELECT * FROM agencies').all()).toEqual(before.agencies);
    expect(db.prepare('SELECT * FROM reports').all()).toEqual(before.reports);
    expect(db.prepare('SELECT * FROM revisions').all()).toEqual(before.revisions);
    expect(tables(db)).toEqual(expect.arrayContaining(['summary_workspaces', 'summary_units', 'summary_files', 'summary_choices', 'summary_notes']));

    const workspace = db.prepare("INSERT INTO summary_workspaces (agency_id, year, created_at, updated_at) VALUES (1, 2024, 't', 't')");
    workspace.run();
    // One workspace per agency and year; references enforced; STRICT types.
    expect(() => workspace.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO summary_workspaces (agency_id, year, created_at, updated_at) VALUES (9, 2024, 't', 't')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO summary_units (id, workspace_id, name, position) VALUES (1, 1, '城关镇', 0)").run();
    expect(() => db.prepare("INSERT INTO summary_notes (unit_id, finding_key, text, updated_at) VALUES (2, '', 'x', 't')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO summary_workspaces (agency_id, year, created_at, updated_at) VALUES (1, 'x', 't', 't')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  } finally {
    db.close();
  }
});
