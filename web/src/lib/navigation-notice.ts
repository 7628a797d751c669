// A short message carried to the next page in the history entry's state (e.g. "Deleted etl-x." on the
// list after a delete). History state is whatever was stored: it is checked before it is shown.

export interface NavigationNotice {
  message: string;
}

/** The notice in a location's state, or null when there is none or it is not one. */
export function noticeFrom(state: unknown): NavigationNotice | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  const notice: unknown = state.notice;
  if (typeof notice !== 'object' || notice === null || !('message' in notice)) return null;
  const message: unknown = notice.message;
  if (typeof message !== 'string' || message === '') return null;
  return { message: message.slice(0, 500) };
}
