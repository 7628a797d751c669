import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeLoginError } from '../../lib/login-error.ts';
import { safeReturnTo } from '@argovue/api-types/return-to';
import { LoginView } from './login-view.tsx';

/** /login?returnTo=…&error=…&signedOut=1: sign in, or go on to returnTo when already signed in. */
export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  useDocumentTitle('Sign in');
  const returnTo = safeReturnTo(params.get('returnTo'));
  if (session.state === 'signed-in') return <Navigate to={returnTo} replace />;
  return (
    <LoginView
      returnTo={returnTo}
      error={describeLoginError(params.get('error'))}
      signedOut={params.get('signedOut') === '1'}
    />
  );
}
