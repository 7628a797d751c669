// The pages of services, so every link and redirect builds the same shareable URLs.

export function servicesPagePath(namespace = ''): string {
  return namespace === '' ? '/services' : `/services?namespace=${encodeURIComponent(namespace)}`;
}

export function cataloguePath(namespace = ''): string {
  return namespace === ''
    ? '/services/catalogue'
    : `/services/catalogue?namespace=${encodeURIComponent(namespace)}`;
}

/** The template's page: its start form, its definition and its instances. */
export function startPagePath(namespace: string, template: string, cluster: boolean): string {
  const params = new URLSearchParams({ namespace, template });
  if (cluster) params.set('cluster', 'true');
  return `/services/new?${params.toString()}`;
}

export function instancePagePath(namespace: string, name: string, tab?: string): string {
  const path = `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  return tab === undefined ? path : `${path}?tab=${encodeURIComponent(tab)}`;
}
