import type { ApiError, QuotaResource } from '@argovue/api-types';
import { type FitTemplate, instanceResources, quotaShortfalls } from '@argovue/api-types/service-fit';
import type { InputValue, TemplateInput } from '@argovue/api-types/service-inputs';
import { type SyntheticEvent, useId, useRef, useState } from 'react';
import { apiErrorOf } from '../../api/api-error-of.ts';
import { ActionError } from '../../components/action-error.tsx';
import {
  checkForm,
  type FieldDraft,
  initialDrafts,
  instanceNameProblem,
  instanceValues,
  suggestedInstanceName,
} from '../../lib/service-form.ts';
import { describeShortfall } from '../../lib/service-quota.ts';
import { QuotaFitPanel } from './quota-fit-panel.tsx';
import { ServiceInputFields } from './service-input-fields.tsx';
import '../workflows/actions/actions.css';
import './services.css';

export interface StartRequest {
  name: string;
  inputs: Record<string, InputValue>;
}

export interface StartableTemplate {
  name: string;
  title: string;
  inputs: readonly TemplateInput[];
}

/**
 * The start form of a template: a name, one field per input, checked as the server checks them (after
 * the first try, focus on the first problem), and beside it the namespace's quota left with what this
 * instance would ask. An instance that cannot fit is refused here with the reason, and nothing is sent.
 */
export function StartServiceForm({
  namespace,
  template,
  workload,
  quota,
  claims = null,
  onStart,
}: {
  namespace: string;
  template: StartableTemplate;
  /** The template's workload, to count what an instance asks of the quota; null when not known. */
  workload: FitTemplate | null;
  quota: readonly QuotaResource[];
  claims?: readonly string[] | null;
  /** Sends the request; a refusal is thrown (ApiCallError) and shown in the form. */
  onStart: (request: StartRequest) => Promise<void>;
}) {
  const form = useRef<HTMLFormElement>(null);
  const nameId = useId();
  const [name, setName] = useState(() => suggestedInstanceName(template.name));
  const [drafts, setDrafts] = useState<Record<string, FieldDraft>>(() => initialDrafts(template.inputs));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const check = checkForm(template.inputs, drafts);
  const nameProblem = instanceNameProblem(name);
  const asked = workload !== null && check.values !== null ? instanceResources(workload, check.values) : null;
  const refusals =
    asked === null ? [] : quotaShortfalls(asked, quota).map((s) => describeShortfall(s, namespace));
  const problemCount = Object.keys(check.problems).length + (nameProblem === undefined ? 0 : 1);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (problemCount > 0 || refusals.length > 0) {
      // After this render the fields carry aria-invalid: focus the first (or the quota's reason).
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .quota-refusal-focus')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      await onStart({ name, inputs: instanceValues(template.inputs, drafts) });
    } catch (caught) {
      setBusy(false);
      setError(apiErrorOf(caught));
    }
  };

  return (
    <form
      ref={form}
      className="start-service-form"
      aria-label={`Start ${template.title}`}
      onSubmit={(e) => {
        submit(e).catch(reportError);
      }}
      noValidate
    >
      <div className="panel start-service-fields">
        {attempted && problemCount > 0 && (
          <p className="field-problem" role="alert">
            {problemCount === 1 ? 'One field needs' : `${problemCount} fields need`} a fix before starting.
          </p>
        )}
        <div className="parameter-fields">
          <div className="parameter-field">
            <label htmlFor={nameId}>Instance name</label>
            <input
              id={nameId}
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={name}
              aria-invalid={attempted && nameProblem !== undefined}
              aria-describedby={`${nameId}-rules${attempted && nameProblem !== undefined ? ` ${nameId}-problem` : ''}`}
              onChange={(e) => setName(e.target.value)}
            />
            <p id={`${nameId}-rules`} className="muted small">
              Part of its address; lower-case letters, digits and dashes.
            </p>
            {attempted && nameProblem !== undefined && (
              <p id={`${nameId}-problem`} className="field-problem">
                The name {nameProblem}.
              </p>
            )}
          </div>
        </div>
        <h2>Inputs</h2>
        <ServiceInputFields
          inputs={template.inputs}
          drafts={drafts}
          problems={attempted ? check.problems : {}}
          claims={claims}
          onChange={(input, value) => setDrafts((d) => ({ ...d, [input]: value }))}
        />
        {attempted && problemCount === 0 && refusals.length > 0 && (
          <p className="field-problem quota-refusal-focus" role="alert" tabIndex={-1}>
            Not started: it does not fit in {namespace}’s quota. {refusals.join(' ')}
          </p>
        )}
        {error !== null && <ActionError error={error} />}
        <div className="modal-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Starting…' : `Start in ${namespace}`}
          </button>
        </div>
      </div>
      <QuotaFitPanel namespace={namespace} quota={quota} asked={asked} refusals={refusals} />
    </form>
  );
}
