import type { Me } from '@argovue/api-types';
import { GroupList } from '../../components/group-list.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { formatAbsoluteTime, parseApiTime } from '../../lib/relative-time.ts';
import './profile.css';

/** Who the user is, as the provider said and as Kubernetes sees them. */
export function ProfileView({ me, now }: { me: Me; now: Date }) {
  const expires = parseApiTime(me.sessionExpiresAt);
  return (
    <>
      <h1>Your profile</h1>
      <dl className="facts panel">
        <dt>Name</dt>
        <dd>{me.name ?? <span className="muted">Not given by your company account</span>}</dd>
        <dt>Username</dt>
        <dd>
          <span className="mono">{me.username}</span>
          <span className="muted small"> — your user in Kubernetes</span>
        </dd>
        <dt>Email</dt>
        <dd>{me.email ?? <span className="muted">Not given by your company account</span>}</dd>
        <dt>Session</dt>
        <dd>
          {expires === null ? (
            <span className="muted">Unknown end</span>
          ) : (
            <>
              {expires > now ? 'Ends ' : 'Ended '}
              <RelativeTime time={expires} now={now} />
              <span className="muted"> ({formatAbsoluteTime(expires)})</span>
            </>
          )}
        </dd>
      </dl>

      <h2>Groups</h2>
      <p>
        Kubernetes RBAC decides what you can do: RoleBindings name these groups. Your company account sends
        the groups on the left; ArgoVue maps them to the Kubernetes groups on the right.
      </p>
      <div className="group-columns">
        <section className="panel" aria-labelledby="provider-groups">
          <h3 id="provider-groups">From your company account</h3>
          <GroupList groups={me.providerGroups} label="Groups from your company account" />
        </section>
        <section className="panel" aria-labelledby="kubernetes-groups">
          <h3 id="kubernetes-groups">In Kubernetes</h3>
          <GroupList groups={me.kubernetesGroups} label="Kubernetes groups" />
        </section>
      </div>
    </>
  );
}
