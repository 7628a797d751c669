// The authenticating proxy: every service instance at its own origin, on a listener of its own.
//
// Why a second listener rather than Host routing inside the API's server: the proxy's connections need
// other limits than the API's (no 30 s request timeout and no 1 MiB body limit for long uploads,
// downloads and WebSockets), its bytes must be piped untouched rather than pass through Fastify's
// hooks, compression and body parsing, and a mistake in routing by Host can never put the API on an
// instance origin: this listener has no API at all. An ingress sends `*.<base domain>` here and the
// portal's host to the API; locally `*.localhost` resolves to loopback in browsers.
//
// Per request: the Host names the instance; the origin's own session cookie names the user (none:
// the handshake of handshake.ts through the portal); RBAC decides (`get serviceinstances/proxy`
// on that instance, a cached access review, so a hit is a Map lookup); the instance's ready pods are
// dialled (endpoints.ts) and the bytes piped both ways with back-pressure. Exchanges that last (a
// download, a WebSocket) are registered like the portal's streams and end when the session or the
// access does.
import {
  createServer,
  request,
  Agent,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { instanceOfHost, instanceOrigin, type InstanceRef } from '@argovue/api-types/service-origin';
import type { AccessReviewer } from '../kube/access.ts';
import type { KubeApi } from '../kube/kube-api.ts';
import type { OpenStreams, RevokedSessions, StreamHandle } from '../streams/open-streams.ts';
import type { InstanceActivity } from './activity.ts';
import type { Endpoint } from './endpoints.ts';
import { browserResponseHeaders, upstreamRequestHeaders } from './forward-headers.ts';
import { isCallback, redeem, startHandshake, type Handshake } from './handshake.ts';
import type { InstanceTargets } from './instance-targets.ts';
import {
  notFoundPage,
  sendPage,
  statusHead,
  stoppedPage,
  unknownPage,
  unreachable,
  writeRawPage,
  type Page,
} from './pages.ts';
import type { ProxySession, ProxySessions } from './proxy-session.ts';
import { answerFailure, Refusal } from './refusal.ts';
import { isNavigation, mayNotStartPage, startAsVisitor, startingPage, wakeFailedPage } from './wake.ts';

export interface ServiceProxyOptions {
  /** The proxy's public base URL: instances are at `<instance>--<namespace>.<its host>`. */
  base: URL;
  /** The portal's public origin (the handshake goes there). */
  portal: URL;
  sessions: ProxySessions;
  revocations: RevokedSessions;
  access: Pick<AccessReviewer, 'can'>;
  targets: Pick<InstanceTargets, 'resolve' | 'instance' | 'podsOf'>;
  /** For a visit's wake of an idle instance, made as the visitor (wake.ts). */
  api: KubeApi;
  activity: InstanceActivity;
  /** The proxy's own registry of lasting exchanges (its caps are the proxy's, not the portal's). */
  connections: OpenStreams;
  log: (message: string) => void;
}

interface Admitted {
  readonly ref: InstanceRef;
  readonly origin: string;
}

const maxKnownHosts = 10_000;

export class ServiceProxy {
  readonly server: Server;
  readonly #o: ServiceProxyOptions;
  readonly #proto: string;
  readonly #handshake: Handshake;
  // Keep-alive to the pods, like any reverse proxy; WebSockets get a socket of their own.
  readonly #agent = new Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo' });
  /** Host headers already read (the instance and its origin): a Map lookup per request. */
  readonly #hosts = new Map<string, Admitted>();

  constructor(options: ServiceProxyOptions) {
    this.#o = options;
    this.#proto = options.base.protocol.replace(':', '');
    this.#handshake = {
      sessions: options.sessions,
      portal: options.portal,
      secure: this.#proto === 'https',
    };
    this.server = createServer({
      // Uploads, downloads and WebSockets last as long as they last; only the headers are bounded.
      requestTimeout: 0,
      headersTimeout: 30_000,
      keepAliveTimeout: 65_000,
    });
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#handle(req, res).catch((error: unknown) => answerFailure(req, res, error, this.#o.log));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.#upgrade(req, socket, head).catch((error: unknown) => {
        if (error instanceof Refusal) writeRawPage(socket, error.page);
        else {
          this.#o.log(`proxy: a WebSocket failed: ${String(error)}`);
          socket.destroy();
        }
      });
    });
  }

  listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Stops accepting; open exchanges are ended by the connections registry's stop. */
  close(): Promise<void> {
    this.#agent.destroy();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      setTimeout(() => this.server.closeAllConnections(), 2000).unref();
    });
  }

  /** The instance a request's Host names, and its origin; throws Refusal for any other host. */
  #admit(req: IncomingMessage): Admitted {
    const host = req.headers.host;
    const known = host === undefined ? undefined : this.#hosts.get(host);
    if (known !== undefined) return known;
    const ref = instanceOfHost(host, this.#o.base);
    const origin = ref === undefined ? undefined : instanceOrigin(this.#o.base, ref);
    if (host === undefined || ref === undefined || origin === undefined)
      throw new Refusal(notFoundPage(this.#o.portal.origin));
    // Only hosts that name an instance are kept (a flood of made-up hosts fills nothing), and the
    // map is bounded: a lookup then costs what parsing the Host and URL getters cost once.
    if (this.#hosts.size >= maxKnownHosts) this.#hosts.clear();
    const admitted = { ref, origin };
    this.#hosts.set(host, admitted);
    return admitted;
  }

  /** The origin's session, if it is still good: not logged out, not expired, its ID token current. */
  async #session(req: IncomingMessage, origin: string): Promise<ProxySession | undefined> {
    const session = await this.#o.sessions.read(req.headers.cookie, origin);
    if (session === undefined) return undefined;
    const now = Date.now() / 1000;
    if (this.#o.revocations.isRevoked(session.sid, session.expiresAt)) return undefined;
    if (session.expiresAt <= now || session.idTokenExpiresAt <= now) return undefined;
    return session;
  }

  #mayOpen(session: ProxySession, ref: InstanceRef): Promise<boolean> {
    return this.#o.access.can(session.user, {
      verb: 'get',
      group: 'argovue.io',
      resource: 'serviceinstances',
      subresource: 'proxy',
      namespace: ref.namespace,
      name: ref.name,
    });
  }

  /**
   * The endpoint to dial for a user who may open the instance; throws Refusal otherwise. A browser's
   * navigation to an instance stopped for being idle starts it, as the visitor (wake.ts).
   */
  async #endpoint(session: ProxySession, ref: InstanceRef, navigation: boolean): Promise<Endpoint> {
    // Refused and missing answer alike, so a URL tells nobody whether another team's instance exists.
    // Made only when thrown: an Error records its stack, a cost every proxied request paid.
    const notFound = (): Refusal => new Refusal(notFoundPage(this.#o.portal.origin));
    if (!(await this.#mayOpen(session, ref))) throw notFound();
    const target = this.#o.targets.resolve(ref.namespace, ref.name);
    switch (target.state) {
      case 'missing':
        throw notFound();
      case 'unknown':
        throw new Refusal(unknownPage);
      case 'stopped':
        if (navigation && target.instance.idleStopped) throw new Refusal(await this.#wake(session, ref));
        throw new Refusal(stoppedPage(ref));
      case 'starting':
        throw new Refusal(
          startingPage(ref, target.instance, this.#o.targets.podsOf(ref.namespace, ref.name)),
        );
      case 'ready':
        this.#o.activity.touch(ref.namespace, ref.name);
        return target.endpoint;
    }
  }

  /** Starts an idle instance as the visitor; the page to show: its progress, or why it stays stopped. */
  async #wake(session: ProxySession, ref: InstanceRef): Promise<Page> {
    const outcome = await startAsVisitor(this.#o.api, session.user, ref, this.#o.log);
    const instance = this.#o.targets.instance(ref.namespace, ref.name);
    if (outcome === 'started') {
      this.#o.log(`proxy: ${session.user.username} woke ${ref.namespace}/${ref.name}`);
      return startingPage(ref, instance, this.#o.targets.podsOf(ref.namespace, ref.name), true);
    }
    if (outcome === 'refused' && instance !== undefined) return mayNotStartPage(ref, instance);
    return wakeFailedPage(ref);
  }

  /** Registers a lasting exchange; ended (by `end`) when its session or access ends. */
  #register(session: ProxySession, ref: InstanceRef, end: () => void): StreamHandle {
    try {
      return this.#o.connections.open({
        user: session.user.username,
        session,
        slots: 1,
        recheck: () => this.#mayOpen(session, ref),
        end,
      });
    } catch {
      throw new Refusal({
        status: 429,
        title: 'Too many connections',
        message:
          'You have as many connections open to services as ArgoVue allows. Close some tabs and try again.',
      });
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Node's strict parser has refused conflicting lengths and a chunked coding that is not last; a
    // body coded otherwise could be read differently by the service, so only `chunked` alone passes.
    const coding = req.headers['transfer-encoding'];
    if (coding !== undefined && coding.trim().toLowerCase() !== 'chunked') {
      sendPage(
        res,
        { status: 400, title: 'Bad request', message: 'Only the chunked transfer coding is accepted.' },
        ['Connection', 'close'],
      );
      return;
    }
    const { ref, origin } = this.#admit(req);
    const url = req.url ?? '/';
    if (isCallback(url)) {
      await redeem(this.#handshake, req, res, origin, url);
      return;
    }
    const session = await this.#session(req, origin);
    if (session === undefined) {
      startHandshake(this.#handshake, req, res, ref, url);
      return;
    }
    const endpoint = await this.#endpoint(session, ref, isNavigation(req));
    this.#forward(req, res, endpoint, session, ref);
  }

  #forward(
    req: IncomingMessage,
    res: ServerResponse,
    endpoint: Endpoint,
    session: ProxySession,
    ref: InstanceRef,
  ): void {
    const upstream = this.#upstream(req, endpoint, session);
    let handle: StreamHandle;
    try {
      handle = this.#register(session, ref, () => {
        upstream.destroy();
        res.destroy();
      });
    } catch (error) {
      upstream.on('error', () => undefined);
      upstream.destroy();
      throw error;
    }
    res.once('close', () => {
      handle.release();
      if (!res.writableFinished) upstream.destroy();
    });
    const sent = upstream;
    sent.once('response', (answer) => {
      res.writeHead(
        answer.statusCode ?? 502,
        answer.statusMessage,
        browserResponseHeaders(answer.rawHeaders),
      );
      // pipe(), not stream.pipeline(): pipeline ends each exchange by aborting an AbortController,
      // whose DOMException (a stack trace) was the proxy's costliest line per request. An early close
      // of either side is handled above (res 'close' destroys the upstream) and here.
      answer.on('error', () => res.destroy());
      answer.pipe(res);
    });
    sent.once('error', (error) => answerFailure(req, res, error, this.#o.log));
    req.on('error', () => sent.destroy());
    // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (RFC 9112 §6.3):
    // the request goes at once, in the same tick, rather than through a pipe set up and torn down
    // for no bytes (most requests: pages, scripts, API calls). Node reads the empty body itself.
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      sent.end();
      return;
    }
    // The body goes as it comes: a slow service slows the upload, nothing piles up here.
    req.pipe(sent);
  }

  /**
   * The request to the instance's endpoint, with the headers it may see (the user's, none of the
   * browser's credentials); an upgrade (a WebSocket) gets a connection of its own, not the pool's.
   */
  #upstream(
    req: IncomingMessage,
    endpoint: Endpoint,
    session: ProxySession,
    upgrade?: string,
  ): ClientRequest {
    return request({
      host: endpoint.address,
      port: endpoint.port,
      method: req.method,
      path: req.url,
      headers: upstreamRequestHeaders(req.rawHeaders, {
        user: session.user,
        clientAddress: req.socket.remoteAddress ?? '',
        proto: this.#proto,
        ...(upgrade === undefined ? {} : { upgrade }),
      }),
      agent: upgrade === undefined ? this.#agent : false,
    });
  }

  async #upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const { ref, origin } = this.#admit(req);
    const session = await this.#session(req, origin);
    if (session === undefined)
      throw new Refusal({ status: 401, title: 'Not signed in', message: 'Reload the page to sign in.' });
    const endpoint = await this.#endpoint(session, ref, false);
    let serviceSocket: Socket | undefined;
    const handle = this.#register(session, ref, () => {
      serviceSocket?.destroy();
      socket.destroy();
    });
    const upstream = this.#upstream(req, endpoint, session, req.headers.upgrade ?? 'websocket');
    socket.once('close', () => {
      handle.release();
      upstream.destroy();
      serviceSocket?.destroy();
    });
    upstream.once('upgrade', (answer, service: Socket, serviceHead: Buffer) => {
      serviceSocket = service;
      service.on('error', () => socket.destroy());
      service.once('close', () => socket.destroy());
      if (socket.destroyed) {
        service.destroy();
        return;
      }
      socket.setNoDelay(true);
      service.setNoDelay(true);
      socket.write(
        statusHead(
          answer.statusCode ?? 101,
          answer.statusMessage ?? 'Switching Protocols',
          browserResponseHeaders(answer.rawHeaders, { upgrade: true }),
        ),
      );
      if (serviceHead.length > 0) socket.write(serviceHead);
      if (head.length > 0) service.write(head);
      // Data from the browser is use: a notebook whose kernel is busy over its WebSocket is not idle.
      // Noted once a second at most, not per frame: idle timeouts are minutes.
      let touchedAt = Date.now();
      socket.on('data', () => {
        const now = Date.now();
        if (now - touchedAt < 1000) return;
        touchedAt = now;
        this.#o.activity.touch(ref.namespace, ref.name, now);
      });
      service.pipe(socket);
      socket.pipe(service);
    });
    upstream.once('response', (answer) => {
      // The service did not switch protocols: its answer goes back as it is, then the connection ends.
      socket.write(
        statusHead(answer.statusCode ?? 502, answer.statusMessage ?? '', [
          ...browserResponseHeaders(answer.rawHeaders),
          'Connection',
          'close',
        ]),
      );
      answer.pipe(socket);
    });
    upstream.once('error', () => {
      if (serviceSocket === undefined && !socket.destroyed) writeRawPage(socket, unreachable(ref));
    });
    upstream.end();
  }
}
