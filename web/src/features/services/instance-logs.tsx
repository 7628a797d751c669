import type { ServicePod } from '@argovue/api-types';
import { useState } from 'react';
import { instanceLogPath } from '../../api/services.ts';
import { useLogStream } from '../../api/use-log-stream.ts';
import { LogError, LogStreamState, LogToggle } from '../../components/log-controls.tsx';
import { LogSearchBox } from '../../components/log-search-box.tsx';
import { LogView } from '../../components/log-view.tsx';
import { useLogSearch } from '../../components/use-log-search.ts';
import '../../components/log-controls.css';
import './services.css';

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="log-field">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

interface LogTarget {
  namespace: string;
  name: string;
  pods: readonly ServicePod[];
  pod: ServicePod;
  setPod: (pod: string) => void;
}

function PodLog({ namespace, name, pods, pod, setPod }: LogTarget) {
  const [chosenContainer, setContainer] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [wrap, setWrap] = useState(false);
  const containers = pod.containers.filter((c) => !c.init).map((c) => c.name);
  const container = containers.includes(chosenContainer) ? chosenContainer : (containers[0] ?? '');
  const options = { pod: pod.name, container, timestamps, follow };
  const log = useLogStream(instanceLogPath(namespace, name, options), timestamps ? 'timestamped' : 'plain');
  const search = useLogSearch(log.buffer, null, log.version);
  const failed = log.status.state === 'failed';
  return (
    <section className="instance-logs" aria-label={`Logs of ${name}`}>
      <div className="log-toolbar">
        <Choice label="Pod" value={pod.name} options={pods.map((p) => p.name)} onChange={setPod} />
        <Choice label="Container" value={container} options={containers} onChange={setContainer} />
        <LogToggle label="Timestamps" checked={timestamps} onChange={setTimestamps} />
        <LogToggle label="Follow" checked={follow} onChange={setFollow} />
        <LogToggle label="Wrap" checked={wrap} onChange={setWrap} />
        <LogSearchBox search={search} />
        <LogStreamState
          status={log.status}
          follow={follow}
          total={log.buffer.length}
          shown={log.buffer.length}
        />
        <a
          className="button button-small"
          href={instanceLogPath(namespace, name, { ...options, follow: false, download: true })}
          download
        >
          Download
        </a>
      </div>
      <LogError status={log.status} />
      {!(failed && log.buffer.length === 0) && (
        <LogView
          label={`Log of ${pod.name}, ${container} container`}
          buffer={log.buffer}
          rows={null}
          version={log.version}
          needle={search.needle}
          current={search.current}
          follow={follow}
          live={follow && log.status.state === 'streaming'}
          wrap={wrap}
          showTime={timestamps}
          showSource={false}
          onTopRow={search.setTopRow}
        />
      )}
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
