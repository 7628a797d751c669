// Server-Sent Events read from a fetch body (not EventSource: a refusal's status and JSON error are
// readable, and the Last-Event-ID of a reconnect is ours to send). Fed text as it arrives, in chunks
// split anywhere; gives each complete event once. Comment lines (heartbeats) and `retry:` are skipped.
export interface SseMessage {
  event: string;
  data: string;
  id: string | undefined;
}

export class SseParser {
  #rest = '';

  /** The events completed by this chunk of text. */
  push(chunk: string): SseMessage[] {
    this.#rest += chunk;
    const messages: SseMessage[] = [];
    let end;
    while ((end = this.#rest.indexOf('\n\n')) >= 0) {
      const block = this.#rest.slice(0, end);
      this.#rest = this.#rest.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        // One space after the colon belongs to the syntax, not the value.
        const value = colon === -1 ? '' : line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      if (data.length > 0) messages.push({ event, data: data.join('\n'), id });
    }
    return messages;
  }
}
