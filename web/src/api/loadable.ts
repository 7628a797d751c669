import type { UseQueryResult } from '@tanstack/react-query';
import { apiErrorOf } from './api-error-of.ts';
import { ApiCallError } from './client.ts';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiCallError };

/** Any error a call threw as an ApiCallError: a bug or a broken connection is shown, never swallowed. */
export function asApiCallError(error: unknown): ApiCallError {
  return error instanceof ApiCallError ? error : new ApiCallError(apiErrorOf(error));
}

/**
 * A query as the pages draw it. A value once read stays in view while it is read again, and when a
 * later read fails; a failed first read shows its error, and loading again after it (Try again) shows
 * loading.
 */
export function loadableOf<T>(query: UseQueryResult<T>): Loadable<T> {
  if (query.data !== undefined) return { state: 'ready', value: query.data };
  if (query.status === 'error' && !query.isFetching)
    return { state: 'failed', error: asApiCallError(query.error) };
  return { state: 'loading' };
}
