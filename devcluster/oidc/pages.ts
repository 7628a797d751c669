// The provider's HTML pages: sign-in, sign-out, and errors. Plain, accessible, no external
// resources; every value that reaches the markup goes through escapeHtml.
import { demoPassword, demoUsers, type DemoUser } from './users.ts';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}
button{font:inherit;margin-top:1.25rem;padding:.5rem 1.25rem}[role=alert]{color:#a40000;font-weight:600}
.hint{margin-top:2rem;font-size:.9rem;color:#444}dt{font-weight:600}`;

/** No scripts unless a page brings its nonce; no framing; nothing loaded from elsewhere. */
export function contentSecurityPolicy(scriptNonce?: string): string {
  const scripts = scriptNonce === undefined ? "'none'" : `'nonce-${scriptNonce}'`;
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${scripts}; frame-ancestors 'none'; base-uri 'none'`;
}

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function groupsSummary(user: DemoUser): string {
  if (user.groups.length === 0) return 'no groups';
  if (user.groups.length > 3)
    return `${user.groups.slice(0, 1).join(', ')} and ${user.groups.length - 1} more`;
  return user.groups.join(', ');
}

export function loginPage(options: { action: string; username?: string; failed: boolean }): string {
  const invalid = options.failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const error = options.failed ? '<p role="alert" id="login-error">Invalid username or password</p>' : '';
  const users = demoUsers
    .map(
      (user) =>
        `<li><code>${escapeHtml(user.username)}</code> — ${escapeHtml(user.role)} (${escapeHtml(groupsSummary(user))})</li>`,
    )
    .join('\n');
  return page(
    'Sign in · ArgoVue demo identity provider',
    `<h1>ArgoVue demo identity provider</h1>
<p>Sign in to continue to ArgoVue.</p>
${error}
<form method="post" action="${escapeHtml(options.action)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(options.username ?? '')}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Sign in</button>
</form>
<section class="hint" aria-labelledby="demo-users">
<h2 id="demo-users">Demo users</h2>
<p>This is a local demo provider. Every user's password is <code>${escapeHtml(demoPassword)}</code>.</p>
<ul>
${users}
</ul>
</section>`,
  );
}

/**
 * oidc-provider asks for a POST with its xsrf token before it ends a session (`form` is its hidden
 * form, id op.logoutForm). The page submits it at once with a script; without scripts, the user
 * presses "Sign out". logout=yes ends the whole provider session, not only ArgoVue's part of it.
 */
export function logoutPage(form: string, scriptNonce: string): string {
  return page(
    'Signing out · ArgoVue demo identity provider',
    `<h1>Signing out…</h1>
${form}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<button type="submit" form="op.logoutForm">Sign out</button>`,
    `<script nonce="${escapeHtml(scriptNonce)}">addEventListener('DOMContentLoaded',()=>document.getElementById('op.logoutForm').submit())</script>`,
  );
}

export function loggedOutPage(): string {
  return page(
    'Signed out · ArgoVue demo identity provider',
    '<h1>Signed out</h1><p>You have signed out of the demo identity provider.</p>',
  );
}

export function errorPage(title: string, details: Record<string, string>): string {
  const rows = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  return page(
    `${title} · ArgoVue demo identity provider`,
    `<h1>${escapeHtml(title)}</h1>\n<dl>\n${rows}\n</dl>`,
  );
}
