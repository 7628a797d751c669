// Every route of the workflows feature, registered together: the list and its live feed, one
// workflow's page, its logs, the actions on it, and the templates to submit from.
import type { FastifyInstance } from 'fastify';
import type { KubeApi } from '../kube/kube-api.ts';
import type { OpenStreams } from '../streams/open-streams.ts';
import { registerWorkflowActionRoutes } from './actions/routes.ts';
import { registerWorkflowDetailRoutes } from './detail/routes.ts';
import { registerLiveWorkflowRoute } from './detail/live-route.ts';
import { registerWorkflowEvents, type LiveListOptions } from './list/live-events.ts';
import { registerWorkflowListRoutes, type ListJson, type ListTotal } from './list/routes.ts';
import { registerWorkflowLogRoutes } from './logs/routes.ts';
import { registerWorkflowTemplateRoutes } from './templates/routes.ts';
import type { WorkflowDirectory } from './workflow-directory.ts';

export interface WorkflowRoutesDeps {
  kube: KubeApi;
  workflows: WorkflowDirectory;
  streams: OpenStreams;
  liveList: LiveListOptions;
  /** The list's JSON, when it is more than the live rows (the workflow archive's runs merged in). */
  listJson?: ListJson;
  /** The list's total, counted apart from its page (the archive's runs counted). */
  listTotal?: ListTotal;
}

export function registerWorkflowRoutes(app: FastifyInstance, deps: WorkflowRoutesDeps): void {
  registerWorkflowListRoutes(app, deps.workflows, deps.listJson, deps.listTotal);
  registerWorkflowEvents(app, deps.workflows, deps.streams, deps.liveList);
  registerWorkflowDetailRoutes(app, deps.kube, deps.workflows);
  registerLiveWorkflowRoute(app, deps.kube, deps.workflows, deps.streams, deps.liveList);
  registerWorkflowLogRoutes(app, deps.workflows, deps.streams);
  registerWorkflowActionRoutes(app, deps.workflows);
  registerWorkflowTemplateRoutes(app, deps.kube);
}
