import type { NodeArtifact, NodeParameter } from '@argovue/api-types';

/** Parameters as name = value rows; one the template set (not the workflow) says so. */
export function ParameterTable({
  label,
  parameters,
}: {
  label: string;
  parameters: readonly (NodeParameter & { fromTemplate?: boolean })[];
}) {
  if (parameters.length === 0) return null;
  return (
    <table className="table io-table" aria-label={label}>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.name}>
            <th scope="row" className="mono">
              {p.name}
            </th>
            <td className="mono">
              {p.value ?? <span className="muted">(none)</span>}
              {p.fromTemplate === true && <span className="muted small"> (template default)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Artifacts by name and where they are stored; ArgoVue cannot download them yet, and says so. */
export function ArtifactTable({ label, artifacts }: { label: string; artifacts: readonly NodeArtifact[] }) {
  if (artifacts.length === 0) return null;
  return (
    <>
      <table className="table io-table" aria-label={label}>
        <tbody>
          {artifacts.map((a) => (
            <tr key={a.name}>
              <th scope="row" className="mono">
                {a.name}
              </th>
              <td className="mono">
                {a.location ?? <span className="muted">(location not recorded)</span>}
                {a.path !== undefined && <span className="muted small"> from {a.path}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Artifacts cannot be downloaded from ArgoVue yet: open them in their store.
      </p>
    </>
  );
}
