import type { LoginError } from '../../lib/login-error.ts';
import './login.css';

interface LoginViewProps {
  returnTo: string;
  error: LoginError | null;
  /** The server sends the browser here after logout. */
  signedOut: boolean;
}

export function LoginView({ returnTo, error, signedOut }: LoginViewProps) {
  return (
    <main className="login" id="main">
      <div className="login-card">
        <h1 className="login-title">ArgoVue</h1>
        <p className="lead">
          Run and watch your Argo workflows, open the data they wrote, and start your own services.
        </p>
        {signedOut && !error && (
          <p className="login-notice" role="status">
            You are signed out.
          </p>
        )}
        {error && (
          <div className="login-error" role="alert">
            <p className="login-error-title">{error.title}</p>
            <p>{error.detail}</p>
            {error.code !== undefined && (
              <p className="muted small">
                Error code <span className="mono">{error.code}</span>
              </p>
            )}
          </div>
        )}
        {/* A GET form: a full-page navigation to the server, which sends the browser on to the provider. */}
        <form method="get" action="/auth/login">
          <input type="hidden" name="returnTo" value={returnTo} />
          <button type="submit" className="button button-primary button-large">
            Sign in with your company account
          </button>
        </form>
        <p className="muted small">
          ArgoVue acts as you in Kubernetes: what you can see and do comes from your groups.
        </p>
      </div>
    </main>
  );
}
