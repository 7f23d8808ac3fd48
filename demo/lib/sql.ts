/**
 * SQLite helpers shared by the demo server and the sandbox gateway (both use @libsql/client).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import type { Client, InValue, Row } from '@libsql/client';

export type { Client, InValue, Row };

/**
 * A CHECK expression that holds when `column` is NULL or has at most `max` ASCII digits in total.
 *
 * SQLite has no regular expressions, so the digits are counted by deleting each of them with
 * `replace` and comparing lengths. With `max` below 13 a column cannot hold a whole card number;
 * with 4 it cannot hold more than the last four digits of one. Digits of other scripts (full-width,
 * Arabic-Indic) are the request check's job, which runs before anything reaches the database.
 */
export function maxDigits(column: string, max: number): string {
  let stripped = column;
  for (let digit = 0; digit <= 9; digit++) stripped = `replace(${stripped}, '${digit}', '')`;
  return `CHECK (${column} IS NULL OR length(${column}) - length(${stripped}) <= ${max})`;
}

/** A CHECK expression for a `last4` column: exactly four ASCII digits. */
export function last4Check(column: string): string {
  return `CHECK (length(${column}) = 4 AND ${column} GLOB '[0-9][0-9][0-9][0-9]')`;
}

/**
 * Opens a database: `':memory:'`, `'file:relative/or/absolute.db'`. The folder of a file database
 * is created when missing.
 *
 * One connection only: the demo is one process whose writes are small and serialised anyway, and
 * per-connection settings (`synchronous`) then hold for every statement. File databases use WAL
 * with `synchronous = NORMAL`, SQLite's recommended pairing: a commit no longer waits for an fsync,
 * and a crash can lose at most the last commits, never corrupt the file.
 */
export function openDatabase(url: string): { client: Client; ready: Promise<void> } {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, concurrency: 1 });
  const ready = isFile
    ? (async () => {
        await client.execute('PRAGMA journal_mode = WAL');
        await client.execute('PRAGMA synchronous = NORMAL');
      })()
    : Promise.resolve();
  return { client, ready };
}

/** Reads a text column. */
export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

/** Reads a nullable text column. */
export function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

/** Reads an integer column. */
export function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`column ${column} is not a number`);
  return value;
}

/** Reads a nullable integer column. */
export function intOrNull(row: Row, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : int(row, column);
}
