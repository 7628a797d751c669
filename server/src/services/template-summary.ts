// A ServiceTemplate or ClusterServiceTemplate as the catalogue and the start form show it: its typed
// inputs as declared (the user may read the template anyway), the JSON Schema a create request's
// inputs are validated against, and what one instance asks of the quota.
import type { ServiceTemplateSummary } from '@argovue/api-types';
import { serviceInputsSchema } from '@argovue/api-types/service-inputs-schema';
import { instanceResources } from '@argovue/api-types/service-fit';
import { checkInputs } from '@argovue/api-types/service-inputs';
import { requestsOf } from './quota.ts';
import type { ServiceTemplateSpec } from './template-types.ts';

export interface TemplateObject {
  metadata?: { name?: string; namespace?: string; uid?: string };
  spec?: ServiceTemplateSpec;
}

/** What one instance with the default inputs asks of the quota; empty when the defaults do not pass. */
function defaultRequests(spec: ServiceTemplateSpec): Record<string, string> {
  const checked = checkInputs(spec.inputs ?? [], {});
  return checked.ok ? requestsOf(instanceResources(spec, checked.values)) : {};
}

/** The summary of a template read from the cluster, or undefined when it has no usable spec. */
export function templateSummary(
  object: TemplateObject,
  cluster: boolean,
): ServiceTemplateSummary | undefined {
  const name = object.metadata?.name;
  const spec = object.spec;
  if (name === undefined || spec === undefined || !Array.isArray(spec.ports)) return undefined;
  const inputs = spec.inputs ?? [];
  return {
    name,
    cluster,
    title: spec.title,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.icon === undefined ? {} : { icon: spec.icon }),
    inputs,
    fit: {
      inputs,
      workload: {
        deployment: {
          ...(spec.workload.deployment.replicas === undefined
            ? {}
            : { replicas: spec.workload.deployment.replicas }),
          template: {
            spec: {
              containers: spec.workload.deployment.template.spec.containers.map((c) => ({
                name: c.name,
                ...(c.resources === undefined ? {} : { resources: c.resources }),
              })),
            },
          },
        },
      },
    },
    ports: spec.ports.map((p) => ({
      name: p.name,
      port: p.port,
      ...(p.path === undefined ? {} : { path: p.path }),
      ...(p.websocket === undefined ? {} : { websocket: p.websocket }),
    })),
    ...(spec.idleTimeout === undefined ? {} : { idleTimeout: spec.idleTimeout }),
    inputsSchema: serviceInputsSchema(inputs),
    requests: defaultRequests(spec),
  };
}
