import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * System tools some tests need (Chromium, LibreOffice, poppler). Without CI a missing
 * tool skips the test with a message; under CI=true it fails: CI never skips.
 */
export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when every command is present; throws under CI when one is missing. */
export function toolsAvailable(...commands: string[]): boolean {
  const missing = commands.filter((c) => !hasCommand(c));
  if (missing.length === 0) return true;
  const message = `missing system tools: ${missing.join(', ')} (apt-get install chromium libreoffice-writer-nogui poppler-utils)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

/** A folder under test-output/ for files people look at (PNGs, PDFs, DOCX). */
export function testOutputDir(area: string): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-output', area);
  mkdirSync(dir, { recursive: true });
  return dir;
}
