// Who a user is to Kubernetes: the provider's claims mapped to the user name and groups that
// ArgoVue impersonates. Pure functions; RoleBindings name the mapped groups.

export interface IdentityMapping {
  usernameClaim: string;
  groupsClaim: string;
  usernamePrefix: string;
  groupPrefix: string;
  /** Explicit provider group → Kubernetes groups; all other groups get `groupPrefix`. */
  groupMap: Readonly<Record<string, readonly string[]>>;
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

// Kubernetes gives `system:` names special meaning (system:masters is cluster-admin); no name a
// provider sends may become one, whatever the prefix or the explicit map says.
export function isReservedKubernetesName(name: string): boolean {
  return name.toLowerCase().startsWith('system:');
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
  const username = mapping.usernamePrefix + rawName;
  if (isReservedKubernetesName(username)) {
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
    for (const target of targets) if (!isReservedKubernetesName(target)) groups.add(target);
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
