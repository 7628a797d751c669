import type { NamespaceSummary } from '@argovue/api-types';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { WORKFLOW_PHASES } from '../../lib/workflow-phases.ts';
import { togglePhase, type WorkflowQuery } from '../../lib/workflow-query.ts';
import '../../components/workflow-phase.css';
import './workflow-list.css';

const SEARCH_DEBOUNCE_MS = 300;

interface WorkflowFiltersProps {
  query: WorkflowQuery;
  /** Null while the namespaces load or when they failed: the select then offers only "All". */
  namespaces: NamespaceSummary[] | null;
  onChange: (query: WorkflowQuery) => void;
}

/** Phase toggles, namespace, name search (debounced) and template; every change goes to the URL. */
export function WorkflowFilters({ query, namespaces, onChange }: WorkflowFiltersProps) {
  const [search, setSearch] = useState(query.q);
  const [template, setTemplate] = useState(query.template);

  // The URL wins when it changes from outside (back button, reset): the boxes follow it in that render.
  const [urlSeen, setUrlSeen] = useState({ q: query.q, template: query.template });
  if (urlSeen.q !== query.q || urlSeen.template !== query.template) {
    setUrlSeen({ q: query.q, template: query.template });
    if (urlSeen.q !== query.q) setSearch(query.q);
    if (urlSeen.template !== query.template) setTemplate(query.template);
  }

  useEffect(() => {
    if (search === query.q) return;
    const timer = setTimeout(() => onChange({ ...query, q: search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, query, onChange]);

  useEffect(() => {
    if (template.trim() === query.template) return;
    const timer = setTimeout(() => onChange({ ...query, template: template.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [template, query, onChange]);

  // Enter in a text field applies what is typed at once, without waiting for the debounce (a form with
  // two text fields and no button has no implicit submission).
  const applyOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (search !== query.q || template.trim() !== query.template)
      onChange({ ...query, q: search, template: template.trim() });
  };

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter workflows"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="filter-phases">
        <legend className="visually-hidden">Phase</legend>
        {WORKFLOW_PHASES.map((phase) => {
          const pressed = query.phases.includes(phase);
          return (
            <button
              key={phase}
              type="button"
              className={`chip chip-${phase.toLowerCase()} chip-toggle`}
              aria-pressed={pressed}
              onClick={() => onChange(togglePhase(query, phase))}
            >
              {phase}
            </button>
          );
        })}
      </fieldset>
      <label className="filter">
        <span>Namespace</span>
        <select value={query.namespace} onChange={(e) => onChange({ ...query, namespace: e.target.value })}>
          <option value="">All namespaces</option>
          {(namespaces ?? []).map((ns) => (
            <option key={ns.name} value={ns.name}>
              {ns.name}
            </option>
          ))}
          {query.namespace !== '' && !(namespaces ?? []).some((ns) => ns.name === query.namespace) && (
            <option value={query.namespace}>{query.namespace}</option>
          )}
        </select>
      </label>
      <label className="filter">
        <span>Name</span>
        <input
          type="search"
          value={search}
          placeholder="Contains…"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={applyOnEnter}
        />
      </label>
      <label className="filter">
        <span>Template</span>
        <input
          type="text"
          value={template}
          placeholder="Any"
          onChange={(e) => setTemplate(e.target.value)}
          onKeyDown={applyOnEnter}
        />
      </label>
    </form>
  );
}
