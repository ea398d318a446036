import { afterEach, describe, expect, it, vi } from 'vitest';

// fstat and write(2) of file descriptor 1 replaced: each test says what stdout is and how writes go.
const fs = vi.hoisted(() => ({
  characterDevice: false,
  writes: [] as string[],
  failAfter: Number.POSITIVE_INFINITY,
  chunk: Number.POSITIVE_INFINITY,
}));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    fstatSync: (fd: number) => {
      if (fd !== 1) return actual.fstatSync(fd);
      return { isCharacterDevice: () => fs.characterDevice };
    },
    writeSync: (fd: number, bytes: Uint8Array, offset: number) => {
      if (fd !== 1) throw new Error('only stdout here');
      if (fs.writes.length >= fs.failAfter)
        throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      const part = bytes.subarray(offset, offset + Math.min(fs.chunk, bytes.length - offset));
      fs.writes.push(Buffer.from(part).toString('utf8'));
      return part.length;
    },
  };
});

const { stdoutMayBeTerminal, writeStdout } = await import('../src/shared/write-stdout.js');

/** process.stdout.write replaced: what went through the stream. */
function streamWrites(): string[] {
  const through: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, done?: () => void) => {
    through.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    done?.();
    return true;
  }) as typeof process.stdout.write);
  return through;
}

afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(fs, {
    characterDevice: false,
    writes: [],
    failAfter: Number.POSITIVE_INFINITY,
    chunk: Number.POSITIVE_INFINITY,
  });
});

describe('writeStdout: a report to a pipe or a file by write(2), to a terminal through process.stdout', () => {
  it('writes to a pipe or a file by write(2), every byte, in as many writes as it takes', async () => {
    fs.chunk = 4;
    const through = streamWrites();
    await writeStdout('✔ no problems\n');
    expect(fs.writes.join('')).toBe('✔ no problems\n');
    expect(fs.writes.length).toBeGreaterThan(1);
    expect(through).toEqual([]);
  });

  it('goes through process.stdout when stdout is a character device (a terminal, /dev/null)', async () => {
    fs.characterDevice = true;
    const through = streamWrites();
    await writeStdout('report\n');
    expect(fs.writes).toEqual([]);
    expect(through).toEqual(['report\n']);
  });

  it('sends the rest through process.stdout when a write fails (a full non-blocking pipe)', async () => {
    fs.chunk = 3;
    fs.failAfter = 2;
    const through = streamWrites();
    await writeStdout('abcdefghij');
    expect(fs.writes).toEqual(['abc', 'def']);
    expect(through).toEqual(['ghij']);
  });

  it('tells a terminal is possible only for a character device', () => {
    expect(stdoutMayBeTerminal()).toBe(false);
    fs.characterDevice = true;
    expect(stdoutMayBeTerminal()).toBe(true);
  });
});
