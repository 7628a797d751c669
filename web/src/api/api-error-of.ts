import type { ApiError } from '@argovue/api-types';
import { ApiCallError } from './client.ts';

/** Anything a call threw, in the API's one error shape (so it can be shown with message and hint). */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.body;
  return {
    code: 'INTERNAL',
    status: 0,
    message: error instanceof Error ? error.message : String(error),
    hint: 'Reload the page and try again.',
  };
}
