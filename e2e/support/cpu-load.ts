// Load on every core of this machine, for tests of what a user sees on a busy machine. Bounded: each
// burner ends by itself after `maxMs`, and `stop()` ends them at once.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CpuLoad {
  stop: () => void;
}

export function busyCores(maxMs: number): CpuLoad {
  const burn = `const end = Date.now() + ${Math.round(maxMs)}; while (Date.now() < end) {}`;
  const burners = Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }),
  );
  return {
    stop: () => {
      for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL');
    },
  };
}
