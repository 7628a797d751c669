// The templates a user may submit a workflow from.

/** One parameter a template declares, as a submit form needs it. */
export interface TemplateParameter {
  name: string;
  /** The default value, when the template gives one. */
  value?: string;
  /** The only values allowed, when the template lists them. */
  enum?: string[];
  description?: string;
}

/** A WorkflowTemplate or ClusterWorkflowTemplate users may submit. */
export interface WorkflowTemplateSummary {
  name: string;
  /** True for a ClusterWorkflowTemplate. */
  cluster: boolean;
  /** The `workflows.argoproj.io/description` annotation. */
  description?: string;
  parameters: TemplateParameter[];
}

/**
 * GET /api/v1/namespaces/:namespace/workflow-templates and GET /api/v1/cluster-workflow-templates,
 * read as the user.
 */
export interface WorkflowTemplateList {
  items: WorkflowTemplateSummary[];
}
