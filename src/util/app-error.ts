/** The one operational error family: a code, a message for a person, an optional cause. */

export const ErrorCode = {
  NotCapture: 'not-capture',
  CaptureTruncated: 'capture-truncated',
  CaptureCorrupt: 'capture-corrupt',
  Io: 'io',
  BadArgument: 'bad-argument',
  ToolMissing: 'tool-missing',
  ToolFailed: 'tool-failed',
  NotWardwatchDb: 'not-wardwatch-db',
  DbNewer: 'db-newer',
  DbLocked: 'db-locked',
  NotFound: 'not-found',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** A capture that cannot be read on: `file` is the source name, `byteOffset` where the damage starts. */
export class CaptureError extends AppError {
  readonly file: string;
  readonly byteOffset: number;
  constructor(code: ErrorCode, file: string, byteOffset: number, message: string) {
    super(code, message);
    this.name = 'CaptureError';
    this.file = file;
    this.byteOffset = byteOffset;
  }
}
