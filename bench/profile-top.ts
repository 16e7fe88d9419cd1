// The top self-time entries of a V8 .cpuprofile (what `node --cpu-prof` writes), as lines of text.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

export function topOfProfile(file: string, n = 25): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
    const k = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(k, (self.get(k) ?? 0) + dt);
  });
  const idle = self.get('(idle)') ?? 0;
  const busy = total - idle;
  return [
    `profile ${relative(process.cwd(), file)}: ${Math.round(total / 1000)} ms sampled, ${Math.round(busy / 1000)} ms busy; top self time (% of busy):`,
    ...[...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, n)
      .map(([k, v]) => `${((100 * v) / busy).toFixed(1)}% ${k}`),
  ];
}
