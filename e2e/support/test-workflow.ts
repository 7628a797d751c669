// One place that makes a test workflow: its manifest (entrypoint `main`, pods of the demo image that
// KWOK runs) and the wait until the controller has brought it where the test needs it.
import { eventually } from '../../devcluster/test/cluster.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  type Workflow,
} from '../../devcluster/test/workflows.ts';

/** A pod template of the demo image; KWOK runs it (`argovue.dev/exit-code` in its metadata fails it). */
export function podTemplate(name: string, extra: object = {}): object {
  return { name, container: { image: 'example.invalid/x:1', command: ['run'] }, ...extra };
}

/** A Workflow named `name` whose entrypoint is the template `main`; more of its spec in `spec`. */
export function testWorkflow(name: string, templates: readonly object[], spec: object = {}): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name },
    spec: { entrypoint: 'main', ...spec, templates },
  };
}

/**
 * Creates `workflow` in `namespace` and waits until `reached` finds in it what the test needs (a
 * node id, a phase), which it returns; fails saying `what` when that never comes.
 */
export async function createWorkflowAndWait<T>(
  namespace: string,
  workflow: object,
  what: string,
  reached: (workflow: Workflow) => T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const created = await createWorkflow(namespace, workflow);
  return eventually(
    what,
    async () => reached(await getWorkflow(namespace, created.metadata.name)),
    timeoutMs,
  );
}

/** Deletes the workflows a test made; one already gone (or never made) is no failure. */
export async function deleteWorkflows(namespace: string, names: Iterable<string>): Promise<void> {
  await Promise.all([...names].map((name) => deleteWorkflow(namespace, name).catch(() => undefined)));
}
