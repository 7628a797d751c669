// What the benchmarks measure with: a GET that counts the bytes on the wire (as sent, compressed or
// not) and the bytes decoded, percentiles, and a process's resident memory.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface Fetched {
  status: number;
  /** Body bytes as they crossed the connection (after Content-Encoding). */
  wire: number;
  /** Body bytes after decoding. */
  decoded: number;
  encoding: string;
  body: Buffer;
}

/** GET `url` over plain HTTP, asking for gzip like a browser does; the body is read to the end. */
export function getCounted(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json', ...headers } },
      (res) => {
        let wire = 0;
        res.on('data', (chunk: Buffer) => (wire += chunk.length));
        const encoding = res.headers['content-encoding'] ?? 'identity';
        const decoder: Readable =
          encoding === 'gzip'
            ? res.pipe(createGunzip())
            : encoding === 'br'
              ? res.pipe(createBrotliDecompress())
              : encoding === 'deflate'
                ? res.pipe(createInflate())
                : res;
        const chunks: Buffer[] = [];
        decoder.on('data', (chunk: Buffer) => chunks.push(chunk));
        decoder.on('error', reject);
        decoder.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, wire, decoded: body.length, encoding, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export interface Timed {
  p50: number;
  p90: number;
  wire: number;
  decoded: number;
  encoding: string;
}

/**
 * Runs `once` `runs` times (after one warm-up) and prints p50/p90 and the bytes of the last run;
 * `before` runs untimed ahead of each.
 */
export async function timed(
  label: string,
  runs: number,
  once: () => Promise<{ wire: number; decoded: number; encoding: string }>,
  before?: () => Promise<void>,
): Promise<Timed> {
  await once();
  const times: number[] = [];
  let last = { wire: 0, decoded: 0, encoding: '' };
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t0 = performance.now();
    last = await once();
    times.push(performance.now() - t0);
  }
  const result = { p50: percentile(times, 0.5), p90: percentile(times, 0.9), ...last };
  console.log(
    `  ${label.padEnd(40)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p90 ${result.p90.toFixed(1).padStart(7)} ms` +
      `  wire ${mb(result.wire)} (${result.encoding})  decoded ${mb(result.decoded)}`,
  );
  return result;
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e5 ? 4 : 2)} MB`;
}

/** Resident set size of a process, in MB (from ps). */
export function rssMb(pid: number): Promise<number> {
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
    let out = '';
    ps.stdout.on('data', (d: Buffer) => (out += d.toString()));
    ps.on('close', () => resolve(Math.round(Number(out.trim()) / 1024)));
  });
}

/** CPU time a process has used so far (user + system), in ms; unlike wall time, not inflated by load. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time all of a process's threads have used so far, in ns: from each thread's schedstat, exact
 * where stat counts 10 ms ticks, so the CPU of a single sub-millisecond request can be summed.
 */
export function cpuNs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return ns;
}
