import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/runtime/table.js';
import { terminalOf } from '../../src/runtime/terminal.js';
import { formatBytes, formatDuration } from '../../src/runtime/units.js';

const stream = (isTTY: boolean) => ({ write: () => true, isTTY, columns: 120 });

describe('terminalOf', () => {
  it('colours only a terminal, and never with NO_COLOR or --no-color', () => {
    expect(terminalOf(stream(true), { env: {} }).colors.red('x')).not.toBe('x');
    expect(terminalOf(stream(false), { env: {} }).colors.red('x')).toBe('x');
    expect(terminalOf(stream(true), { env: { NO_COLOR: '1' } }).colors.red('x')).toBe('x');
    expect(terminalOf(stream(true), { env: {}, noColor: true }).colors.red('x')).toBe('x');
  });

  it('wraps to the terminal width, or to 78 columns when not a terminal', () => {
    expect(terminalOf(stream(true), { env: {} }).columns).toBe(120);
    expect(terminalOf(stream(false), { env: {} }).columns).toBe(78);
  });
});

describe('formatTable', () => {
  it('pads columns to the widest cell, right-aligns numbers, and shows missing values as -', () => {
    const rows = [
      { id: 'bk-1', status: 'AVAILABLE', size: 1024 },
      { id: 'bk-22', status: undefined, size: 7 },
    ];
    const text = formatTable(rows, [
      { header: 'ID', value: (row) => row.id },
      { header: 'SIZE', value: (row) => row.size, alignRight: true },
      { header: 'STATUS', value: (row) => row.status },
    ]);
    expect(text).toBe(['ID      SIZE   STATUS', 'bk-1    1024   AVAILABLE', 'bk-22      7   -', ''].join('\n'));
  });

  it('says (none) for no rows', () => {
    expect(formatTable([], [{ header: 'ID', value: () => 'x' }])).toBe('(none)\n');
  });
});

describe('units', () => {
  it('formats sizes and durations as people read them', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual(['512 B', '1.5 KiB', '5.0 GiB']);
    expect([formatDuration(4200), formatDuration(65_000), formatDuration(3_720_000)]).toEqual(['4s', '1m5s', '1h2m']);
  });
});
