// A small DAG for the workflow page's tests: `ok` succeeds, `broken` fails with exit code 3 in its main
// container (KWOK's stage reads the argovue.dev/exit-code annotation), both with known resources.
import { eventually } from '../../devcluster/test/cluster.ts';
import { createWorkflow, getWorkflow, type Workflow } from '../../devcluster/test/workflows.ts';

/** With `podSeconds`, each pod runs that long (KWOK's completion delay), so a test can watch it run. */
export function twoStepWorkflow(name: string, podSeconds?: number): object {
  const step = (task: string, code: string) => ({
    name: task,
    template: 'step',
    arguments: { parameters: [{ name: 'code', value: code }] },
  });
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      labels: { 'argovue.dev/test': 'true', team: 'analytics' },
      annotations: { 'argovue.dev/note': `a long note ${'x'.repeat(200)} end` },
    },
    spec: {
      entrypoint: 'main',
      ...(podSeconds === undefined
        ? {}
        : { podMetadata: { annotations: { 'pod-complete.stage.kwok.x-k8s.io/delay': `${podSeconds}s` } } }),
      arguments: { parameters: [{ name: 'day', value: '2026-11-25' }] },
      templates: [
        { name: 'main', dag: { tasks: [step('ok', '0'), step('broken', '3')] } },
        {
          name: 'step',
          inputs: { parameters: [{ name: 'code' }] },
          metadata: { annotations: { 'argovue.dev/exit-code': '{{inputs.parameters.code}}' } },
          container: {
            image: 'registry.example.com/data/step:1',
            command: ['run'],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          },
        },
      ],
    },
  };
}

/** Creates the workflow in team-a and waits for the controller to finish it (it fails: `broken`). */
export async function runTwoStepWorkflow(name: string): Promise<Workflow> {
  await createWorkflow('team-a', twoStepWorkflow(name));
  return eventually(
    `${name} to finish`,
    async () => {
      const workflow = await getWorkflow('team-a', name);
      return workflow.status?.phase === 'Failed' ? workflow : undefined;
    },
    // Generous: the controller takes longer while it works through thousands of benchmark workflows.
    120_000,
  );
}
