import { Link } from 'react-router';
import { GroupList } from '../../components/group-list.tsx';

/** No namespace yet: explain where access comes from, so the user knows whom to ask. */
export function NoNamespaces({ kubernetesGroups }: { kubernetesGroups: readonly string[] }) {
  return (
    <section className="panel empty-state">
      <h2>You have no namespace yet</h2>
      <p>
        Access to a namespace comes from group membership: a team’s RoleBinding names a Kubernetes group, and
        everyone in that group may use the namespace. None of your groups is named in a namespace yet.
      </p>
      <h3>Your Kubernetes groups</h3>
      <GroupList groups={kubernetesGroups} label="Your Kubernetes groups" />
      <p>
        Ask your team’s ArgoVue developers to add one of these groups to your team’s namespace, or to add you
        to the right group at your company. <Link to="/profile">See your profile</Link> for how your groups
        map.
      </p>
    </section>
  );
}
