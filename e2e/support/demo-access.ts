// What the demo's RoleBindings (devcluster/demo/teams.yaml) let each demo user use.
export const namespacesByUser: Readonly<Record<string, readonly string[]>> = {
  alice: ['team-a'],
  bob: ['team-b'],
  carol: ['team-a', 'team-b'],
  dave: ['team-a'],
  erin: [],
  gina: ['team-a'],
  mallory: ['team-b'],
};
