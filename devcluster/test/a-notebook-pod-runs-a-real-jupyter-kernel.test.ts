// The demo's notebook template is real: the pod runner starts Debian's Jupyter Notebook server in the
// pod's network namespace (scripts/ensure-jupyter.sh installs it), and a cell sent over the kernel's
// WebSocket at the EndpointSlice's address runs in a real Python kernel.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestNamespace } from './cluster.ts';
import { createLocalDeployment, fetchWhenServing, readyEndpoint, type Endpoint } from './local-pods.ts';

interface JupyterMessage {
  channel: string;
  header: { msg_type: string };
  parent_header: { msg_id?: string };
  content: { text?: string; name?: string; execution_state?: string };
}

/** Sends one execute_request and collects the stream output of that request until the kernel is idle. */
async function runCell(url: string, code: string): Promise<string> {
  const socket = new WebSocket(url);
  const msgId = randomUUID();
  const session = randomUUID();
  try {
    return await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`no idle status after the cell; output so far: ${output}`)),
        60_000,
      );
      socket.onerror = () => reject(new Error('the kernel WebSocket failed'));
      socket.onopen = () => {
        socket.send(
          JSON.stringify({
            header: {
              msg_id: msgId,
              username: 'test',
              session,
              msg_type: 'execute_request',
              version: '5.3',
              date: new Date().toISOString(),
            },
            parent_header: {},
            metadata: {},
            content: {
              code,
              silent: false,
              store_history: false,
              user_expressions: {},
              allow_stdin: false,
              stop_on_error: true,
            },
            channel: 'shell',
            buffers: [],
          }),
        );
      };
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as JupyterMessage;
        if (message.parent_header.msg_id !== msgId) return;
        if (message.header.msg_type === 'stream') output += message.content.text ?? '';
        if (message.header.msg_type === 'status' && message.content.execution_state === 'idle') {
          clearTimeout(timer);
          resolve(output);
        }
      };
    });
  } finally {
    socket.close();
  }
}

describe('a notebook pod', () => {
  let ns: Awaited<ReturnType<typeof createTestNamespace>>;
  let endpoint: Endpoint;
  before(async () => {
    ns = await createTestNamespace('notebook-pod');
    await createLocalDeployment(ns.name, 'notebook', 'jupyter', 8888);
    endpoint = await readyEndpoint(ns.name, 'notebook', 8888);
  });
  after(async () => {
    await ns.remove();
  });

  it('serves the Jupyter API at its EndpointSlice address', async () => {
    const res = await fetchWhenServing(`http://${endpoint.address}:${endpoint.port}/api`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { version: string };
    assert.match(body.version, /^[0-9]+\.[0-9]+/);
  });

  it('runs a cell in a real Python kernel over the WebSocket', async () => {
    const base = `http://${endpoint.address}:${endpoint.port}`;
    // Jupyter's XSRF check stays on (the proxy will not turn it off): like a browser, take the _xsrf
    // cookie from a page and send it back as cookie and header.
    const tree = await fetch(`${base}/tree`);
    const xsrf = /_xsrf=([^;]+)/.exec(tree.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(xsrf, 'the notebook page sets an _xsrf cookie');
    const started = await fetch(`${base}/api/kernels`, {
      method: 'POST',
      headers: { cookie: `_xsrf=${xsrf}`, 'x-xsrftoken': xsrf },
      body: '{"name":"python3"}',
    });
    assert.equal(started.status, 201, await started.clone().text());
    const kernel = (await started.json()) as { id: string };
    const output = await runCell(
      `ws://${endpoint.address}:${endpoint.port}/api/kernels/${kernel.id}/channels`,
      'import sys\nprint(6 * 7, sys.version_info[0])',
    );
    assert.equal(output, '42 3\n');
  });
});
