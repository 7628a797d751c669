// The proxy feature assembled: its sessions, its caches of instances and their pods, its registry of
// lasting connections, and its listener. It runs in a thread of its own (proxy-worker.ts, started by
// proxy-thread.ts), away from the API's heap.
import { isIP } from 'node:net';
import type { KubeApi } from '../kube/kube-api.ts';
import type { AccessReviewer } from '../kube/access.ts';
import { OpenStreams, type RevokedSessions } from '../streams/open-streams.ts';
import { InstanceActivity } from './activity.ts';
import { ActivityRecorder } from './activity-recorder.ts';
import { InstanceTargets } from './instance-targets.ts';
import { ServiceProxy } from './proxy-server.ts';
import { ProxySessions } from './proxy-session.ts';

export interface ProxyFeature {
  proxy: ServiceProxy;
  sessions: ProxySessions;
  activity: InstanceActivity;
  targets: InstanceTargets;
  base: URL;
  stop: () => Promise<void>;
}

export interface ProxyFeatureOptions {
  api: KubeApi;
  /** The apiserver's URL: its address is never dialled, whatever a pod's status says. */
  apiServer: URL;
  access: AccessReviewer;
  revocations: RevokedSessions;
  sessionKeys: readonly string[];
  base: URL;
  portal: URL;
  limits: { perUser: number; total: number };
  /** How often lasting connections are checked against their session and access. */
  recheckMs: number;
  /** A use newer than the recorded one by this much is written to the instance's status. */
  activityRecordMs: number;
  /** Where uses are noted (proxy-worker.ts passes one that also tells the API's thread). */
  activity?: InstanceActivity;
  log: (message: string) => void;
}

export function startProxyFeature(options: ProxyFeatureOptions): ProxyFeature {
  const apiHost = options.apiServer.hostname.replace(/^\[|\]$/g, '');
  const denied = new Set(isIP(apiHost) === 0 ? [] : [apiHost]);
  const targets = new InstanceTargets(options.api, options.log, denied).start();
  const sessions = new ProxySessions(options.sessionKeys, options.base.protocol === 'https:');
  const activity = options.activity ?? new InstanceActivity();
  const recorder = new ActivityRecorder({
    api: options.api,
    activity,
    instance: (namespace, name) => targets.instance(namespace, name),
    synced: () => targets.synced,
    log: options.log,
    stepMs: options.activityRecordMs,
    intervalMs: Math.max(1000, options.activityRecordMs / 4),
  }).start();
  const connections = new OpenStreams(options.limits, options.revocations, options.recheckMs);
  const proxy = new ServiceProxy({
    base: options.base,
    portal: options.portal,
    sessions,
    revocations: options.revocations,
    access: options.access,
    targets,
    api: options.api,
    activity,
    connections,
    log: options.log,
  });
  return {
    proxy,
    sessions,
    activity,
    targets,
    base: options.base,
    stop: async () => {
      recorder.stop();
      targets.stop();
      connections.stop();
      await proxy.close();
    },
  };
}
