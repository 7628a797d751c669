// The DAG the controller, retry and resubmit tests share: a → (b, c) → d, every step the template
// `step`, whose pod exits with its `code` (KWOK's stage reads the argovue.dev/exit-code annotation).
// b's code is the workflow parameter `b-code`, so a retry or resubmit can change it.

export interface DiamondOptions {
  /** b's exit code, the value of `b-code` (default '1': b fails). */
  bCode?: string;
  /** `b-code` may only be 0 or 1 (as a template offers it in a form). */
  bCodeEnum?: boolean;
  /** a → b → d, without c. */
  withoutC?: boolean;
  labels?: Record<string, string>;
  /** Each step may run twice (a retry strategy), and an exit handler `cleanup` runs at the end. */
  retriesAndExitHandler?: boolean;
}

function diamondSpec(options: DiamondOptions): object {
  const task = (name: string, code: string, dependencies: string[] = []) => ({
    name,
    template: 'step',
    dependencies,
    arguments: { parameters: [{ name: 'code', value: code }] },
  });
  const withC = options.withoutC !== true;
  const extra = options.retriesAndExitHandler === true;
  return {
    entrypoint: 'main',
    ...(extra ? { onExit: 'cleanup' } : {}),
    arguments: {
      parameters: [
        {
          name: 'b-code',
          value: options.bCode ?? '1',
          ...(options.bCodeEnum === true ? { enum: ['0', '1'] } : {}),
        },
      ],
    },
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            task('a', '0'),
            task('b', '{{workflow.parameters.b-code}}', ['a']),
            ...(withC ? [task('c', '0', ['a'])] : []),
            task('d', '0', withC ? ['b', 'c'] : ['b']),
          ],
        },
      },
      {
        name: 'step',
        ...(extra ? { retryStrategy: { limit: 1 } } : {}),
        inputs: { parameters: [{ name: 'code' }] },
        metadata: { annotations: { 'argovue.dev/exit-code': '{{inputs.parameters.code}}' } },
        container: { image: 'example.invalid/step:1', command: ['run'] },
      },
      ...(extra
        ? [{ name: 'cleanup', container: { image: 'example.invalid/step:1', command: ['cleanup'] } }]
        : []),
    ],
  };
}

export function diamondWorkflow(name: string, options: DiamondOptions = {}): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, ...(options.labels === undefined ? {} : { labels: options.labels }) },
    spec: diamondSpec(options),
  };
}

export function diamondTemplate(name: string, options: DiamondOptions = {}): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: { name },
    spec: diamondSpec(options),
  };
}
