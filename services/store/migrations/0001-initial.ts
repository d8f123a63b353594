import { APPLICATION_ID } from '../database.ts';
import type { Migration } from './migration.ts';

/**
 * Agencies, their reports and each report's revisions. A report's content is the
 * versioned report JSON (shared/model/serialize.ts) so the model can evolve without a
 * schema change; revisions keep that JSON deflated. Deleting sets `deleted_at` (the
 * recycle bin); only one live report per agency and year.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        details TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        agency_id INTEGER NOT NULL REFERENCES agencies(id),
        year INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX reports_live_per_year ON reports(agency_id, year) WHERE deleted_at IS NULL;

      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL,
        content BLOB NOT NULL,
        content_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_report ON revisions(report_id, id);
    `);
  },
};
