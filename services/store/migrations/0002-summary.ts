import type { Migration } from './migration.ts';

/**
 * The superior office's 汇总: a workspace per agency and year, the units it expects
 * reports from, the files received (as revisions per unit, with the original bytes so a
 * review can be re-run, and the report read from them as the versioned report JSON), the
 * revision chosen per unit, and reviewer notes. Notes are keyed by unit and finding key
 * (rule and place), not by file, so they survive a corrected file.
 */
export const summary: Migration = {
  version: 2,
  name: 'summary',
  up(db) {
    db.exec(`
      CREATE TABLE summary_workspaces (
        id INTEGER PRIMARY KEY,
        agency_id INTEGER NOT NULL REFERENCES agencies(id),
        year INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX summary_workspace_per_year ON summary_workspaces(agency_id, year);

      CREATE TABLE summary_units (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES summary_workspaces(id),
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX summary_units_by_workspace ON summary_units(workspace_id, position);

      CREATE TABLE summary_files (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES summary_workspaces(id),
        unit_id INTEGER REFERENCES summary_units(id),
        file_name TEXT NOT NULL,
        received_at TEXT NOT NULL,
        bytes BLOB NOT NULL,
        bytes_hash TEXT NOT NULL,
        reading TEXT NOT NULL,
        match TEXT NOT NULL,
        report TEXT
      ) STRICT;
      CREATE INDEX summary_files_by_workspace ON summary_files(workspace_id, id);

      CREATE TABLE summary_choices (
        unit_id INTEGER PRIMARY KEY REFERENCES summary_units(id),
        file_id INTEGER NOT NULL REFERENCES summary_files(id)
      ) STRICT;

      CREATE TABLE summary_notes (
        unit_id INTEGER NOT NULL REFERENCES summary_units(id),
        finding_key TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (unit_id, finding_key)
      ) STRICT;
    `);
  },
};
