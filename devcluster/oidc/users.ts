// The demo provider's users. Tests import this list to know who exists and in which groups;
// everyone's password is `demo`. Groups are the provider's raw names: ArgoVue prefixes them (oidc:…).
import { createHash, timingSafeEqual } from 'node:crypto';

export interface DemoUser {
  readonly username: string;
  readonly name: string;
  readonly email: string;
  readonly groups: readonly string[];
  /** Why the user exists, shown on the login page. */
  readonly role: string;
}

export const demoPassword = 'demo';

const guilds = Array.from({ length: 299 }, (_, i) => `analytics-guild-${String(i + 1).padStart(4, '0')}`);

function demoUser(username: string, name: string, groups: string[], role: string): DemoUser {
  return { username, name, email: `${username}@example.com`, groups, role };
}

export const demoUsers: readonly DemoUser[] = [
  demoUser('alice', 'Alice Analyst', ['team-a'], 'a user of team A'),
  demoUser('bob', 'Bob Builder', ['team-b'], 'a user of team B'),
  demoUser('carol', 'Carol Crossteam', ['team-a', 'team-b'], 'in team A and team B'),
  demoUser('dave', 'Dave Developer', ['team-a', 'team-a-developers'], 'a developer of team A'),
  demoUser('erin', 'Erin Elsewhere', [], 'in no team'),
  demoUser('gina', 'Gina Guildmember', ['team-a', ...guilds], 'in 300 groups'),
  demoUser('mallory', 'Mallory Mischief', ['system:masters', 'team-b'], 'claims a system group'),
];

export function findDemoUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The user if the password is right; compares in constant time. */
export function authenticateDemoUser(username: string, password: string): DemoUser | undefined {
  const user = findDemoUser(username);
  const passwordMatches = timingSafeEqual(digest(password), digest(demoPassword));
  return user !== undefined && passwordMatches ? user : undefined;
}

/** The OpenID claims of a user, as they appear in the ID token and at userinfo. */
export function demoUserClaims(user: DemoUser): {
  sub: string;
  name: string;
  preferred_username: string;
  email: string;
  email_verified: boolean;
  groups: string[];
} {
  return {
    sub: user.username,
    name: user.name,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    groups: [...user.groups],
  };
}
