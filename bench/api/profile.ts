/**
 * Reads the API's CPU profile (bench/api/profile-preload.ts) into where its busy time went: by
 * part (PGlite's WebAssembly, graphql-js, the platform's own code…) and the platform's own
 * functions that took the most self time. Idle time is left out of the percentages.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

function partOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (url.startsWith('wasm:') || url.includes('@electric-sql/pglite')) return 'PGlite (WebAssembly and its JS)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return `node_modules: ${module[1]}`;
  if (url.includes('/dist/libs/') || url.includes('/dist/apps/')) return "the platform's own code (apps, libs)";
  if (url.startsWith('node:') || url === '') return 'Node.js internals';
  return 'other';
}

/** Printable lines: the busiest parts, then the platform's own hottest functions. */
export function hottestFunctions(files: readonly string[], top = 12): string[] {
  const byPart = new Map<string, number>();
  const own = new Map<string, number>();
  const all = new Map<string, number>();
  let busy = 0;
  for (const file of files.filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const deltas = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const frame = byId.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)') return;
      const micros = deltas[i] ?? 0;
      busy += micros;
      const part = partOf(frame.url, frame.functionName);
      byPart.set(part, (byPart.get(part) ?? 0) + micros);
      const where = frame.url
        ? ` ${relative(process.cwd(), frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'}${where}`;
      all.set(key, (all.get(key) ?? 0) + micros);
      if (part.startsWith("the platform's")) own.set(key, (own.get(key) ?? 0) + micros);
    });
  }
  if (busy === 0) return [];
  const lines = (entries: Map<string, number>) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => `    ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${key}`);
  return [
    `  busy ${(busy / 1e6).toFixed(1)} s of CPU, by part:`,
    ...lines(byPart),
    '  the hottest functions (self time, % of busy):',
    ...lines(all),
    "  the platform's own hottest functions:",
    ...lines(own),
  ];
}
