// Every service instance is served at an origin of its own, `<instance>--<namespace>.<base domain>`,
// so a service's pages can never act on ArgoVue's API with the user's session (a different origin
// gets neither ArgoVue's cookies nor its CORS trust). One implementation for the server (the proxy
// reads the Host header with it; the status URL is made with it) and the web app (its links).
//
// The instance and its namespace share one DNS label (at most 63 characters), joined by `--`. Both
// names may contain `--` themselves, so a label is read one fixed way: the namespace is what follows
// the LAST `--`. Another instance whose names would give the same label is then simply not reachable
// by it; no label ever means two instances, so no team can take over another team's URL.

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const maxLabelLength = 63;
const separator = '--';

export interface InstanceRef {
  namespace: string;
  name: string;
}

function instanceLabel(namespace: string, name: string): string | undefined {
  const label = `${name}${separator}${namespace}`;
  if (!dnsLabel.test(name) || !dnsLabel.test(namespace) || label.length > maxLabelLength) return undefined;
  // A namespace containing `--` would be read differently (see above): such an instance has no URL.
  if (namespace.includes(separator)) return undefined;
  return label;
}

/**
 * The origin of an instance (`http://app--team-a.localhost:8081`) under the proxy's public base URL
 * (`http://localhost:8081`), or undefined when its names cannot make one DNS label.
 */
export function instanceOrigin(base: URL, ref: InstanceRef): string | undefined {
  const label = instanceLabel(ref.namespace, ref.name);
  return label === undefined ? undefined : `${base.protocol}//${label}.${base.host}`;
}

/** The instance a Host header names under the base URL, or undefined for any other host. */
export function instanceOfHost(host: string | undefined, base: URL): InstanceRef | undefined {
  if (host === undefined) return undefined;
  const suffix = `.${base.host}`;
  const lower = host.toLowerCase();
  if (!lower.endsWith(suffix)) return undefined;
  const label = lower.slice(0, -suffix.length);
  if (label.length > maxLabelLength || !dnsLabel.test(label)) return undefined;
  const at = label.lastIndexOf(separator);
  if (at <= 0) return undefined;
  const ref = { name: label.slice(0, at), namespace: label.slice(at + separator.length) };
  // Only the label instanceOrigin would make for these names: one spelling per instance.
  return instanceLabel(ref.namespace, ref.name) === label ? ref : undefined;
}
