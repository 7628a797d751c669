// Services as the API offers them to a user: the catalogue with the quota left, starting an instance
// (inputs validated with Ajv against the template's schema, then the quota, before anything is
// created), the instances of their namespaces, and the lifecycle actions. Every Kubernetes call is
// made as the user; the namespace must be one they may use (else it answers as if it did not exist).
import type { Ajv, ValidateFunction } from 'ajv';
import type {
  CreateServiceInstanceRequest,
  QuotaLeft,
  ServiceInputValue,
  ServiceInstanceActionResult,
  ServiceInstanceRow,
  ServiceTemplateDetail,
  ServiceTemplateList,
} from '@argovue/api-types';
import { instanceResources, quotaShortfalls } from '@argovue/api-types/service-fit';
import { checkInputs } from '@argovue/api-types/service-inputs';
import type { KubeIdentity } from '../auth/identity.ts';
import { HttpError } from '../http/errors.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import { notFound } from '../http/kube-errors.ts';
import type { NamespaceDirectory } from '../namespaces/summaries.ts';
import { listServiceTemplatesForUser, readServiceTemplateForUser } from './catalogue.ts';
import { instanceRow } from './instance-rows.ts';
import { createInstanceAsUser, listInstancesForUser, type StoredInstance } from './instances.ts';
import { quotaLeftOf, shortfallWords } from './quota.ts';
import { renderInstance } from './render.ts';
import { templateSummary } from './template-summary.ts';

// Compiled validators by schema text: a template's schema is compiled once, not per request.
const maxValidators = 500;

export function templateNotFound(name: string, cluster: boolean): HttpError {
  return new HttpError(
    404,
    'NOT_FOUND',
    `${cluster ? 'Cluster service template' : 'Service template'} ${name} was not found, or you have no access to it.`,
    'Pick a template from the catalogue of the namespace.',
  );
}

export class ServiceDirectory {
  readonly #api: KubeApi;
  readonly #namespaces: NamespaceDirectory;
  // allErrors off: the first problem ends the check, so maxLength refuses a megabyte before a
  // developer's pattern ever runs on it.
  // Ajv is imported at the first start of an instance, not with the server: its modules are ~0.1 s of
  // CPU that a start before ready need not pay.
  #ajv: Promise<Ajv> | undefined;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(api: KubeApi, namespaces: NamespaceDirectory) {
    this.#api = api;
    this.#namespaces = namespaces;
  }

  async #requireNamespace(identity: KubeIdentity, namespace: string): Promise<void> {
    if (!(await this.#namespaces.mayUse(identity, namespace)))
      throw notFound({ kind: 'Namespace', name: namespace });
  }

  async #quotaLeft(identity: KubeIdentity, namespace: string): Promise<QuotaLeft[]> {
    return quotaLeftOf(await this.#namespaces.quotaFor(identity, namespace));
  }

  async catalogue(identity: KubeIdentity, namespace: string): Promise<ServiceTemplateList> {
    await this.#requireNamespace(identity, namespace);
    const [items, quota] = await Promise.all([
      listServiceTemplatesForUser(this.#api, identity, namespace),
      this.#quotaLeft(identity, namespace),
    ]);
    if (items === undefined) throw notFound({ kind: 'Namespace', name: namespace });
    return { items, quota };
  }

  async template(
    identity: KubeIdentity,
    namespace: string,
    name: string,
    cluster: boolean,
  ): Promise<ServiceTemplateDetail> {
    await this.#requireNamespace(identity, namespace);
    const object = await readServiceTemplateForUser(this.#api, identity, namespace, name, cluster);
    const summary = object === undefined ? undefined : templateSummary(object, cluster);
    if (object === undefined || summary === undefined) throw templateNotFound(name, cluster);
    const kind = cluster ? 'ClusterServiceTemplate' : 'ServiceTemplate';
    const instances = ((await listInstancesForUser(this.#api, identity, namespace)) ?? [])
      .filter((i) => (i.spec.template.kind ?? 'ServiceTemplate') === kind && i.spec.template.name === name)
      .map((i) => ({ namespace, name: i.metadata.name }));
    const { metadata, ...rest } = object as { metadata?: Record<string, unknown> };
    const { managedFields: _managedFields, ...shownMetadata } = metadata ?? {};
    return {
      template: summary,
      object: { ...rest, metadata: shownMetadata },
      instances,
      quota: await this.#quotaLeft(identity, namespace),
    };
  }

  /** The instances of the user's namespaces (or of one); `mine`: only those they created. */
  async list(
    identity: KubeIdentity,
    options: { namespace?: string | undefined; mine: boolean },
  ): Promise<ServiceInstanceRow[]> {
    const namespaces =
      options.namespace === undefined
        ? (await this.#namespaces.usableNamespaces(identity)).map((ns) => ns.name)
        : (await this.#namespaces.mayUse(identity, options.namespace))
          ? [options.namespace]
          : undefined;
    if (namespaces === undefined) throw notFound({ kind: 'Namespace', name: options.namespace ?? '' });
    const lists = await mapConcurrent(namespaces, 8, (ns) => listInstancesForUser(this.#api, identity, ns));
    const instances: StoredInstance[] = lists.flatMap((l) => l ?? []);
    return instances
      .filter((i) => !options.mine || i.metadata.annotations?.['argovue.io/created-by'] === identity.username)
      .map((i) => instanceRow(i))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
  }

  async #validator(schema: Record<string, unknown>): Promise<ValidateFunction> {
    const key = JSON.stringify(schema);
    let validate = this.#validators.get(key);
    if (validate === undefined) {
      this.#ajv ??= import('ajv').then(
        ({ Ajv }) => new Ajv({ allErrors: false, strict: true, unicodeRegExp: true }),
      );
      const ajv = await this.#ajv;
      if (this.#validators.size >= maxValidators) this.#validators.clear();
      validate = ajv.compile(schema);
      this.#validators.set(key, validate);
    }
    return validate;
  }

  /** Starts an instance: template readable by the user, inputs valid, quota enough — then created. */
  async create(
    identity: KubeIdentity,
    namespace: string,
    request: CreateServiceInstanceRequest,
  ): Promise<ServiceInstanceActionResult> {
    await this.#requireNamespace(identity, namespace);
    const cluster = request.template.cluster === true;
    const object = await readServiceTemplateForUser(
      this.#api,
      identity,
      namespace,
      request.template.name,
      cluster,
    );
    const summary = object === undefined ? undefined : templateSummary(object, cluster);
    if (object === undefined || summary === undefined) throw templateNotFound(request.template.name, cluster);

    const inputs: Record<string, ServiceInputValue> = { ...request.inputs };
    const validate = await this.#validator(summary.inputsSchema);
    if (!validate(inputs)) {
      const problem = validate.errors?.[0];
      const where = problem?.instancePath ? problem.instancePath.slice(1) : 'inputs';
      const detail =
        problem?.keyword === 'additionalProperties'
          ? `${String((problem.params as { additionalProperty?: unknown }).additionalProperty)} is not an input of the template`
          : `${where} ${problem?.message ?? 'is not valid'}`;
      throw new HttpError(
        400,
        'INPUT_INVALID',
        `Invalid inputs for ${summary.title}: ${detail}.`,
        'Each input must be of its type and within its bounds; the form shows them.',
      );
    }

    // Rendered once here, as the controller will, to know what the instance asks of the quota and
    // that the template can be used at all (a template the controller would refuse creates nothing).
    const rendered = renderInstance(
      {
        apiVersion: 'argovue.io/v1alpha1',
        kind: 'ServiceInstance',
        metadata: { name: request.name ?? 'new', namespace, uid: 'new' },
        spec: {
          template: {
            kind: cluster ? 'ClusterServiceTemplate' : 'ServiceTemplate',
            name: request.template.name,
          },
          inputs,
        },
      },
      object.spec,
    );
    if (!rendered.ok) {
      const words = rendered.problems
        .map((p) => (p.input ? `${p.input} ${p.message}` : p.message))
        .join('; ');
      if (rendered.reason === 'InputInvalid')
        throw new HttpError(400, 'INPUT_INVALID', `Invalid inputs for ${summary.title}: ${words}.`);
      throw new HttpError(
        422,
        'TEMPLATE_INVALID',
        `Template ${request.template.name} cannot be started: ${words}.`,
        'Tell the template’s developers; nothing was created.',
      );
    }
    // Checked by render above: the values are the template's inputs with defaults filled in.
    const checked = checkInputs(object.spec.inputs ?? [], inputs);
    const asked = instanceResources(object.spec, checked.ok ? checked.values : new Map());
    const quota = await this.#namespaces.quotaFor(identity, namespace, true);
    const shortfalls = shortfallWords(namespace, quotaShortfalls(asked, quota));
    if (shortfalls.length > 0)
      throw new HttpError(
        422,
        'QUOTA_EXCEEDED',
        `Not enough quota for this instance: ${shortfalls.join('; ')}.`,
        'Ask for less, stop another instance, or ask for a bigger quota.',
      );
    return createInstanceAsUser(this.#api, identity, namespace, request, inputs);
  }
}
