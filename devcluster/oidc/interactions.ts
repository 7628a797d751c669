// The provider's own sign-in step (oidc-provider's devInteractions accept any password):
//   GET  /interaction/:uid         the login form
//   POST /interaction/:uid/login   checks the password, then hands the user back to the provider
// Consent is granted without asking: ArgoVue is the provider's only, first-party client.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { errors, type InteractionDetails } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { contentSecurityPolicy, errorPage, loginPage } from './pages.ts';
import { authenticateDemoUser } from './users.ts';

const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const maxFormBytes = 16 * 1024;

export function isInteractionPath(pathname: string): boolean {
  return interactionPath.test(pathname);
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    throw new FormError('the form must be sent as application/x-www-form-urlencoded');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxFormBytes) throw new FormError('the form is too large');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  return new URLSearchParams(body);
}

class FormError extends Error {}

/** Consent for the first-party client: grant exactly what the provider found missing. */
async function grantConsent(provider: Provider, details: InteractionDetails): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = details.params['client_id'];
  if (accountId === undefined || typeof clientId !== 'string') {
    throw new Error('consent without a signed-in user or a client');
  }
  const existing = details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  return grant.save();
}

export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const [, uid, login] = interactionPath.exec(pathname) ?? [];
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      send(res, 400, errorPage('Sign-in failed', { error: 'this sign-in page belongs to another request' }));
      return;
    }
    const action = `/interaction/${encodeURIComponent(details.uid)}/login`;
    if (details.prompt.name === 'consent') {
      const grantId = await grantConsent(provider, details);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    } else if (details.prompt.name !== 'login') {
      send(res, 400, errorPage('Sign-in failed', { error: `unsupported prompt ${details.prompt.name}` }));
    } else if (req.method === 'GET' && login === undefined) {
      send(res, 200, loginPage({ action, failed: false }));
    } else if (req.method === 'POST' && login !== undefined) {
      const form = await readForm(req);
      const username = form.get('username') ?? '';
      const user = authenticateDemoUser(username, form.get('password') ?? '');
      if (user === undefined) {
        // 200, not 401: it is the form again, and browsers log a 401 document as a console error.
        send(res, 200, loginPage({ action, username, failed: true }));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.username } },
        { mergeWithLastSubmission: false },
      );
    } else {
      res.writeHead(405, { allow: login === undefined ? 'GET' : 'POST' }).end();
    }
  } catch (error) {
    if (error instanceof FormError) {
      send(res, 400, errorPage('Sign-in failed', { error: error.message }));
    } else if (error instanceof errors.SessionNotFound) {
      // The interaction cookie is gone or expired, or the provider restarted (it keeps state in memory).
      send(res, 400, errorPage('Sign-in expired', { error: 'go back to ArgoVue and sign in again' }));
    } else {
      throw error;
    }
  }
}
