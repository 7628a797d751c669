import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A workflow (or archived run) that is not there for this user: which one, and the way back. */
export function WorkflowNotFound({ children }: { children: ReactNode }) {
  return (
    <section className="not-found">
      <h1>Workflow not found</h1>
      <p>{children}, or none of your groups gives you access to it.</p>
      <p>
        <Link className="button" to="/workflows">
          Go to your workflows
        </Link>
      </p>
    </section>
  );
}
