// Who a user is to Kubernetes: the provider's claims mapped to the user name and groups that
// ArgoVue impersonates. Pure functions; RoleBindings name the mapped groups.

export interface IdentityMapping {
  usernameClaim: string;
  groupsClaim: string;
  usernamePrefix: string;
  groupPrefix: string;
  /** Explicit provider group → Kubernetes groups; all other groups get `groupPrefix`. */
  groupMap: Readonly<Record<string, readonly string[]>>;
  /** Name prefixes no provider name may become (see defaultReservedPrefixes). */
  reservedPrefixes: readonly string[];
}

/** The identity every Kubernetes call is made as. */
export interface KubeIdentity {
  username: string;
  groups: readonly string[];
}

export interface MappedUser extends KubeIdentity {
  providerGroups: string[];
  name?: string;
  email?: string;
}

export type MappingResult = { ok: true; user: MappedUser } | { ok: false; reason: string };

// Kubernetes gives `system:` names special meaning (system:masters is cluster-admin), and kubeadm binds
// `kubeadm:cluster-admins` to cluster-admin. No name a provider sends may become one, whatever the
// prefix (an empty group prefix passes provider groups through unchanged) or the explicit map says.
export const defaultReservedPrefixes: readonly string[] = ['system:', 'kubeadm:'];

export function isReservedKubernetesName(
  name: string,
  reservedPrefixes: readonly string[] = defaultReservedPrefixes,
): boolean {
  const lower = name.toLowerCase();
  // `system:` is reserved whatever the configuration says: it is Kubernetes' own.
  return lower.startsWith('system:') || reservedPrefixes.some((p) => lower.startsWith(p.toLowerCase()));
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function mapIdentity(claims: Record<string, unknown>, mapping: IdentityMapping): MappingResult {
  const rawName = stringClaim(claims, mapping.usernameClaim);
  if (rawName === undefined) {
    return { ok: false, reason: `the provider sent no "${mapping.usernameClaim}" claim to name you by` };
  }
  // As the apiserver's own OIDC authenticator does: an email the provider says it has not verified
  // is not a name (anyone could sign up at the provider as someone else's address).
  if (mapping.usernameClaim === 'email' && claims['email_verified'] !== undefined) {
    const verified = claims['email_verified'] === true || claims['email_verified'] === 'true';
    if (!verified) return { ok: false, reason: 'the provider has not verified your email address' };
  }
  const username = mapping.usernamePrefix + rawName;
  if (isReservedKubernetesName(username, mapping.reservedPrefixes)) {
    return { ok: false, reason: `the user name "${username}" is reserved by Kubernetes` };
  }
  const rawGroups = claims[mapping.groupsClaim];
  if (
    rawGroups !== undefined &&
    !(Array.isArray(rawGroups) && rawGroups.every((g) => typeof g === 'string'))
  ) {
    return { ok: false, reason: `the "${mapping.groupsClaim}" claim is not a list of group names` };
  }
  const providerGroups = [...new Set(rawGroups ?? [])].filter((g) => g !== '');
  const groups = new Set<string>();
  for (const group of providerGroups) {
    const targets = Object.hasOwn(mapping.groupMap, group)
      ? (mapping.groupMap[group] ?? [])
      : [mapping.groupPrefix + group];
    for (const target of targets)
      if (!isReservedKubernetesName(target, mapping.reservedPrefixes)) groups.add(target);
  }
  const name = stringClaim(claims, 'name');
  const email = stringClaim(claims, 'email');
  return {
    ok: true,
    user: {
      username,
      groups: [...groups].sort(),
      providerGroups,
      ...(name === undefined ? {} : { name }),
      ...(email === undefined ? {} : { email }),
    },
  };
}
