import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One scratch folder for the whole test run (tempDir() works inside it), removed at the end. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'newsnlp-tests-'));
  process.env.NEWSNLP_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
