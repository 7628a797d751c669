import { Link } from 'react-router';
import { useServiceInstances } from '../../api/use-services.ts';
import { servicesPagePath } from '../../lib/service-paths.ts';

/**
 * A namespace card's "running services": how many instances run there, of how many, linking to them.
 * Every card shares the one instances request; when it fails the card simply says nothing of services.
 */
export function RunningServices({ namespace }: { namespace: string }) {
  const { instances } = useServiceInstances();
  if (instances.state !== 'ready') return null;
  const here = instances.value.filter((row) => row.namespace === namespace);
  const running = here.filter((row) => row.phase === 'Running' && !row.stopped).length;
  let text: string;
  if (here.length === 0) text = 'No services';
  else if (running === here.length) text = `${running} running ${running === 1 ? 'service' : 'services'}`;
  else text = `${running} of ${here.length} services running`;
  return (
    <Link className="running-services" to={servicesPagePath(namespace)}>
      {text}
      <span className="visually-hidden"> in {namespace}</span>
    </Link>
  );
}
