import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { StoreUnavailableError } from '../StoreError';

/** One write, as the store's method name and its arguments. */
export interface JournalEntry {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A frame: a 4-byte little-endian length, then the entry (V8 serialization: dates stay dates). */
const HEADER_BYTES = 4;
/** Frames are read this many bytes at a time, so replaying a large journal holds one chunk, not the file. */
const CHUNK_BYTES = 1 << 20;

/**
 * The embedded store's data on disk: an append-only journal of its writes in
 * `dir/journal.bin`. {@link append} returns once the entry is written and
 * fsynced, so a write the store acknowledges survives the process being
 * killed. {@link replay} reads the entries back at start; a frame cut short
 * by a kill mid-write (never acknowledged) is dropped and the file truncated
 * to the last whole entry. One process at a time: `dir/LOCK` holds the pid
 * of the process that has the journal open.
 */
export class StoreJournal {
  private constructor(
    readonly dir: string,
    private readonly fd: number,
    private readonly lockFile: string,
  ) {}

  /** Opens (creating `dir` if need be) and locks the journal; `StoreError` when another live process has it. */
  static open(dir: string): StoreJournal {
    mkdirSync(dir, { recursive: true });
    const lockFile = join(dir, 'LOCK');
    lock(lockFile);
    try {
      return new StoreJournal(dir, openSync(join(dir, 'journal.bin'), 'a+'), lockFile);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Calls `apply` with every whole entry, in order; truncates a torn last frame. Resolves with the number of entries. */
  async replay(apply: (entry: JournalEntry) => Promise<void>): Promise<number> {
    const size = fstatSync(this.fd).size;
    let offset = 0;
    let entries = 0;
    while (offset + HEADER_BYTES <= size) {
      const header = Buffer.alloc(HEADER_BYTES);
      readSync(this.fd, header, 0, HEADER_BYTES, offset);
      const length = header.readUInt32LE(0);
      if (offset + HEADER_BYTES + length > size) break;
      const body = Buffer.alloc(length);
      for (let read = 0; read < length; ) read += readSync(this.fd, body, read, Math.min(CHUNK_BYTES, length - read), offset + HEADER_BYTES + read);
      let entry: JournalEntry;
      try {
        entry = deserialize(body) as JournalEntry;
      } catch {
        break;
      }
      await apply(entry);
      offset += HEADER_BYTES + length;
      entries += 1;
    }
    // What follows the last whole entry was being written when the process died: it was never acknowledged.
    if (offset < size) {
      ftruncateSync(this.fd, offset);
      fsyncSync(this.fd);
    }
    return entries;
  }

  /** Appends one entry and waits for it to be on disk (fsync). */
  append(entry: JournalEntry): void {
    const body = serialize(entry);
    const frame = Buffer.alloc(HEADER_BYTES + body.length);
    frame.writeUInt32LE(body.length, 0);
    body.copy(frame, HEADER_BYTES);
    for (let written = 0; written < frame.length; ) written += writeSync(this.fd, frame, written, frame.length - written);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.lockFile, { force: true });
  }
}

/** Takes `file` for this process; a lock left by a process that is gone (killed) is taken over. */
function lock(file: string): void {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new StoreUnavailableError(`the data directory ${file.slice(0, -'/LOCK'.length)} is in use by process ${holder}; stop it, or set DATA_DIR to another directory`);
  }
  writeFileSync(file, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
