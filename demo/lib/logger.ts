/**
 * The one logger the demo server and the sandbox gateway write through. Callers only ever hand it
 * masked data, but every line still goes through `redactCardNumbers` on the way out, so a mistake
 * elsewhere cannot put a card number in a log.
 */
import { redactCardNumbers } from '../../src/core/pan-scan.js';

/** Values a log line may carry. Objects are not accepted: nobody logs a request body by accident. */
export type LogValue = string | number | boolean | null | undefined;

/** Structured fields of a log line. */
export type LogFields = Record<string, LogValue>;

/** What the servers log through. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where finished lines go. */
export type LogSink = (line: string) => void;

/**
 * A logger writing one line per call: `level name message key=value…`, card numbers redacted.
 *
 * @param name - shown on each line (`server`, `gateway`)
 * @param sink - defaults to stdout
 */
export function createLogger(
  name: string,
  sink: LogSink = (line) => process.stdout.write(`${line}\n`),
  beforeRedaction?: LogSink,
): Logger {
  const write = (level: string, message: string, fields: LogFields = {}): void => {
    let line = `${level.padEnd(5)} ${name} ${message}`;
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      line += ` ${key}=${typeof value === 'string' && /[\s"=]/.test(value) ? JSON.stringify(value) : String(value)}`;
    }
    beforeRedaction?.(line);
    sink(redactCardNumbers(line));
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that keeps its lines in memory, for tests. */
export interface MemoryLogger extends Logger {
  /** The lines as written (redacted). */
  lines: string[];
  /**
   * The lines as the code composed them, before redaction: a test asserts these hold no card
   * number, which shows the code never tried to log one (the redaction is only the safety net).
   */
  unredacted: string[];
}

/** A logger that keeps its lines in memory, for tests. */
export function memoryLogger(name: string): MemoryLogger {
  const lines: string[] = [];
  const unredacted: string[] = [];
  const logger = createLogger(name, (line) => lines.push(line), (line) => unredacted.push(line));
  return Object.assign(logger, { lines, unredacted });
}
