import type { ServicePod } from '@argovue/api-types';
import { useState } from 'react';
import { instanceLogPath } from '../../api/services.ts';
import { useLogStream } from '../../api/use-log-stream.ts';
import { LogBody, LogSelect, LogToolbar, useLogToggles } from '../../components/log-controls.tsx';
import { useLogSearch } from '../../components/use-log-search.ts';
import './services.css';

interface LogTarget {
  namespace: string;
  name: string;
  pods: readonly ServicePod[];
  pod: ServicePod;
  setPod: (pod: string) => void;
}

function PodLog({ namespace, name, pods, pod, setPod }: LogTarget) {
  const [chosenContainer, setContainer] = useState('');
  const toggles = useLogToggles(true);
  const { timestamps, follow } = toggles;
  const containers = pod.containers.filter((c) => !c.init).map((c) => c.name);
  const container = containers.includes(chosenContainer) ? chosenContainer : (containers[0] ?? '');
  const options = { pod: pod.name, container, timestamps, follow };
  const log = useLogStream(instanceLogPath(namespace, name, options), timestamps ? 'timestamped' : 'plain');
  const search = useLogSearch(log.buffer, null, log.version);
  return (
    <section className="instance-logs" aria-label={`Logs of ${name}`}>
      <LogToolbar
        toggles={toggles}
        search={search}
        log={log}
        end={
          <a
            className="button button-small"
            href={instanceLogPath(namespace, name, { ...options, follow: false, download: true })}
            download
          >
            Download
          </a>
        }
      >
        <LogSelect label="Pod" value={pod.name} options={pods.map((p) => p.name)} onChange={setPod} />
        <LogSelect label="Container" value={container} options={containers} onChange={setContainer} />
      </LogToolbar>
      <LogBody
        log={log}
        search={search}
        toggles={toggles}
        label={`Log of ${pod.name}, ${container} container`}
      />
    </section>
  );
}

/** The log of one pod and container of an instance, in the log view the workflows use (follow, search…). */
export function InstanceLogs({
  namespace,
  name,
  pods,
}: {
  namespace: string;
  name: string;
  pods: readonly ServicePod[];
}) {
  const [chosenPod, setPod] = useState('');
  // A pod that went away (a restart) falls back to the first one there is.
  const pod = pods.find((p) => p.name === chosenPod) ?? pods[0];
  if (pod === undefined)
    return <p className="empty-state muted">No pod is running: a stopped instance has no log to show.</p>;
  return <PodLog key={pod.name} namespace={namespace} name={name} pods={pods} pod={pod} setPod={setPod} />;
}
