// Types of the ArgoVue HTTP API, shared by the server and the web app, one file per feature.
export * from './errors.ts';
export type * from './server-info.ts';
export type * from './session.ts';
export type * from './namespaces.ts';
export type * from './workflows.ts';
export type * from './workflow-deltas.ts';
export type * from './workflow-actions.ts';
export type * from './workflow-templates.ts';
export type * from './workflow-nodes.ts';
export type * from './workflow-kube-events.ts';
export type * from './services.ts';
