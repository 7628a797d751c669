// How many watches on workflows the apiserver is serving right now, from its own metrics (read as
// admin): apiserver_longrunning_requests{verb="WATCH",resource="workflows"}, every scope summed.
import { admin } from './seed-workflows.ts';

export async function workflowWatches(): Promise<number> {
  const res = await admin.stream({ as: 'argovue', path: '/metrics', accept: 'text/plain' });
  let text = '';
  for await (const chunk of res) text += (chunk as Buffer).toString();
  let watches = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('apiserver_longrunning_requests{') &&
      line.includes('resource="workflows"') &&
      line.includes('verb="WATCH"')
    )
      watches += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return watches;
}
