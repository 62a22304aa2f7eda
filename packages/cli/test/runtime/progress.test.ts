import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../src/runtime/progress.js';
import { terminalOf } from '../../src/runtime/terminal.js';

function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  return { written, terminal: terminalOf({ write: (text: string) => written.push(text), isTTY, columns: 100 }, { env: { NO_COLOR: '1' } }) };
}

describe('progress when output is not a terminal', () => {
  it('prints timestamped lines: start, every 10%, and the end', () => {
    let now = Date.parse('2025-06-01T02:00:00Z');
    const { written, terminal } = fakeTerminal(false);
    const progress = createProgressReporter(terminal, { now: () => now });
    progress.start('b', 'lifeboat_backup.b', 'lifeboat_backup.b: Creating...');
    now += 2000;
    progress.update('b', { percent: 12, bytesDone: 1024, bytesTotal: 8192 });
    progress.update('b', { percent: 15 }); // same 10% step: no line
    now += 1000;
    expect(progress.running().map((op) => op.id)).toEqual(['b']);
    progress.finish('b', 'lifeboat_backup.b: Creation complete after 3s');
    expect(written.join('')).toBe(
      [
        '2025-06-01T02:00:00.000Z lifeboat_backup.b: Creating...',
        '2025-06-01T02:00:02.000Z lifeboat_backup.b: 12%, 1.0 KiB of 8.0 KiB, 2s elapsed',
        '2025-06-01T02:00:03.000Z lifeboat_backup.b: Creation complete after 3s',
        '',
      ].join('\n'),
    );
    expect(progress.running()).toEqual([]);
  });
});

describe('progress on a terminal', () => {
  it('draws a bar per running operation below the log, and erases it when done', () => {
    const { written, terminal } = fakeTerminal(true);
    const progress = createProgressReporter(terminal, { now: () => 0, redrawMs: 60_000 });
    progress.start('a', 'backup a');
    progress.update('a', { percent: 50 });
    const bar = written.at(-1) ?? '';
    expect(bar).toContain('████████████░░░░░░░░░░░░ backup a  50%, 0s elapsed');
    progress.finish('a', 'backup a done');
    // Cursor up over the one bar line and clear, then the line.
    expect(written.join('')).toContain('\u001b[1F\u001b[Jbackup a done\n');
    progress.close();
  });
});
