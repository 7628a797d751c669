import { useMe } from '../../api/session.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useNow } from '../../components/use-now.ts';
import { ProfileView } from './profile-view.tsx';

export function ProfilePage() {
  const me = useMe();
  const now = useNow(30_000);
  useDocumentTitle('Profile');
  return <ProfileView me={me} now={now} />;
}
