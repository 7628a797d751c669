// A node:test reporter run beside `spec` (package.json's test scripts): the run fails when it ran no
// test at all — `node --test` passes on a glob that matches nothing, so a renamed folder would turn a
// suite silently green — and when a test skipped itself or is a todo: a test that did not run proves
// nothing, and a stale cluster must be fixed or fail the test, not skip it.

interface TestEventData {
  name: string;
  file?: string;
  skip?: string | boolean;
  todo?: string | boolean;
  details?: { type?: 'suite' | 'test' };
}

export default async function* testGuard(
  source: AsyncIterable<{ type: string; data?: TestEventData }>,
): AsyncGenerator<string> {
  let ran = 0;
  const notRun: string[] = [];
  for await (const event of source) {
    if ((event.type !== 'test:pass' && event.type !== 'test:fail') || event.data === undefined) continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    const reason = data.skip ?? data.todo;
    if (reason !== undefined && reason !== false) {
      notRun.push(
        `${data.name}${typeof reason === 'string' ? ` (${reason})` : ''}${data.file ? ` in ${data.file}` : ''}`,
      );
    } else ran++;
  }
  if (ran === 0) {
    process.exitCode = 1;
    yield 'test-guard: FAILED: no test ran (does the glob match any file?)\n';
  }
  if (notRun.length > 0) {
    process.exitCode = 1;
    yield `test-guard: FAILED: ${notRun.length} test(s) skipped or todo; a test runs or fails:\n`;
    for (const line of notRun) yield `  ${line}\n`;
  }
  if (ran > 0 && notRun.length === 0) yield `test-guard: ${ran} tests ran\n`;
}
