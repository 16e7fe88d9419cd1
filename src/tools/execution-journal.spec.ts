import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionJournal, JournalFullError } from './execution-journal.js';

describe('ExecutionJournal', () => {
  let dir: string;
  beforeEach(() => (dir = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j')));
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('creates nothing until the first append, then replays sealed files oldest first, entries in order', () => {
    const j = new ExecutionJournal(dir, 1 << 20);
    expect(j.seal()).toEqual([]);
    j.append([{ op: 'begin', row: { id: 'exec_1' } }, { op: 'begin', row: { id: 'exec_2' } }]);
    const first = j.seal();
    j.append([{ op: 'complete', row: { id: 'exec_1', status: 'success' } }]);
    const both = j.seal();
    expect(both).toHaveLength(2);
    expect(both[0]).toBe(first[0]);
    expect(both.flatMap((f) => j.read(f)).map((e) => `${e.op}:${String(e.row.id)}`)).toEqual(['begin:exec_1', 'begin:exec_2', 'complete:exec_1']);
    for (const f of both) j.remove(f);
    expect(j.size).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('skips a torn last line (never fsync-confirmed, never acknowledged) and counts what a new process finds', () => {
    const j = new ExecutionJournal(dir, 1 << 20);
    j.append([{ op: 'begin', row: { id: 'exec_1' } }]);
    j.close();
    appendFileSync(join(dir, 'executions.journal'), '{"op":"begin","row":{"id":"exec_');
    const again = new ExecutionJournal(dir, 1 << 20);
    expect(again.size).toBeGreaterThan(0);
    again.append([{ op: 'begin', row: { id: 'exec_2' } }]); // not glued to the torn line
    expect(again.seal().flatMap((f) => again.read(f)).map((e) => e.row.id)).toEqual(['exec_1', 'exec_2']);
  });

  it('refuses an append past its bound, whole, and keeps what it has', () => {
    const j = new ExecutionJournal(dir, 200);
    j.append([{ op: 'begin', row: { id: 'exec_1' } }]);
    const before = j.size;
    expect(() => j.append([{ op: 'begin', row: { id: 'exec_2', args: 'x'.repeat(300) } }])).toThrow(JournalFullError);
    expect(j.size).toBe(before);
    const [file] = j.seal();
    expect(j.read(file)).toHaveLength(1);
  });
});
