/**
 * The stable codes of `FramelensError`, one for each kind of bad input or option; the README's
 * "Errors and bad input" lists what each means.
 *
 * @example
 * try { readArticle('') } catch (e) { if (isFramelensError(e)) console.log(e.code) } // 'empty-text'
 */
export type FramelensErrorCode =
  | 'empty-text'
  | 'binary-content'
  | 'invalid-utf8'
  | 'text-too-large'
  | 'invalid-json'
  | 'missing-field'
  | 'invalid-field'
  | 'unreadable-path'
  | 'unsupported-input'
  | 'invalid-lexicon'
  | 'invalid-actors'
  | 'unknown-analyzer'
  | 'invalid-option'
  | 'invalid-argument'
  | 'story-too-large'
  | 'worker-failed';

export interface FramelensErrorDetails {
  /** The article id or file path the error concerns. */
  readonly input?: string;
  /** 1-based line number for JSON Lines input. */
  readonly line?: number;
  /** The offending field, lexicon entry id or option name. */
  readonly field?: string;
  readonly cause?: unknown;
}

/**
 * The error framelens raises on bad input or options: a stable `code`, the input it concerns
 * (`input`: an id or path), for JSON Lines the 1-based `line`, the offending `field`, and where it
 * is at the start of the message.
 *
 * @example
 * new FramelensError('invalid-json', 'malformed JSON', { input: 'in.jsonl', line: 3 }).message; // 'in.jsonl:line 3: malformed JSON'
 */
export class FramelensError extends Error {
  readonly code: FramelensErrorCode;
  readonly input?: string;
  readonly line?: number;
  readonly field?: string;

  constructor(code: FramelensErrorCode, message: string, details: FramelensErrorDetails = {}) {
    const where = [details.input, details.line !== undefined ? `line ${details.line}` : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    super(where ? `${where}: ${message}` : message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.name = 'FramelensError';
    this.code = code;
    if (details.input !== undefined) this.input = details.input;
    if (details.line !== undefined) this.line = details.line;
    if (details.field !== undefined) this.field = details.field;
  }

  /**
   * The error a failure describes, with the same code, message and place: how an error crosses
   * from a worker thread, where only plain data can travel.
   */
  static fromFailure({ code, message, ...place }: InputFailure): FramelensError {
    return Object.assign(new FramelensError(code, message), place);
  }

  /** A plain object for reports and JSON output. */
  toJSON(): InputFailure {
    return {
      code: this.code,
      message: this.message,
      ...(this.input !== undefined ? { input: this.input } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.field !== undefined ? { field: this.field } : {}),
    };
  }
}

/** A failed input as it appears in a report: nothing in a batch is dropped silently. */
export interface InputFailure {
  readonly code: FramelensErrorCode;
  readonly message: string;
  readonly input?: string;
  readonly line?: number;
  readonly field?: string;
}

/**
 * Narrow an unknown error to a `FramelensError`.
 *
 * @example
 * isFramelensError(new FramelensError('invalid-option', 'x')); // true
 * isFramelensError(new Error('x')); // false
 */
export function isFramelensError(error: unknown): error is FramelensError {
  return error instanceof FramelensError;
}

/**
 * How a value reads in an error message: `null`, `array`, or its `typeof`.
 *
 * @example
 * describeType([]); // 'array'
 */
export function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
