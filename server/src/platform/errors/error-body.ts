import type { ErrorCode } from './app-error.ts'

/** What every refused request answers. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> }
}
