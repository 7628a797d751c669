import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <span className="mono">{pathname}</span>. The link may be old or mistyped.
      </p>
      <p>
        <Link className="button" to="/">
          Go to your namespaces
        </Link>
      </p>
    </section>
  );
}
