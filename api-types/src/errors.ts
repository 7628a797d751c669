// The API's one error shape and its stable codes.

/** Stable error codes: clients and tests match on these, never on the prose. */
export type ErrorCode =
  | 'NOT_FOUND'
  /** A workflow node whose pod does not exist (any more): deleted by pod GC, or never created. */
  | 'POD_NOT_FOUND'
  | 'INPUT_INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'CONFLICT'
  /** 429: the user (or the server in all) holds as many live streams as allowed; close one first. */
  | 'TOO_MANY_STREAMS'
  | 'CLUSTER_UNAVAILABLE'
  | 'INTERNAL';

/** The one error shape of the whole API. */
export interface ApiError {
  code: ErrorCode;
  status: number;
  message: string;
  hint?: string;
}
