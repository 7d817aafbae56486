/**
 * Prints the case lifecycle diagram of README.md ("Case lifecycle") from the procedure table, as a
 * Mermaid state diagram: `npx tsx scripts/lifecycle-diagram.ts`. tests/unit/readme.test.ts holds
 * the README to it. Legacy moves (kept only for cases that made them before a later rule) are left out.
 */
import { CURRENT_PROCEDURE, stageTracks, type Move } from '../domain/case/procedure';

const TRACK_NOTE = { administrative: 'admin', civil: 'civil' } as const;

/** The track a move is limited to, where neither of its stages already says so. */
function trackNote(m: Move): string {
  const implied = stageTracks(m.from).length === 1 || stageTracks(m.to).length === 1;
  return m.tracks.length === 1 && !implied ? ` (${TRACK_NOTE[m.tracks[0]!]})` : '';
}

/** One edge per pair of stages, labelled with the events that make the move; self-moves left out. */
export function lifecycleDiagram(): string {
  const edges = new Map<string, string[]>();
  for (const m of CURRENT_PROCEDURE) {
    if (m.from === m.to) continue;
    const key = `${m.from} --> ${m.to}`;
    edges.set(key, [...(edges.get(key) ?? []), m.event + trackNote(m)]);
  }
  const lines = [...edges].map(([edge, events]) => `  ${edge}: ${events.join(', ')}`);
  return ['```mermaid', 'stateDiagram-v2', '  [*] --> LEAD', ...lines, '```'].join('\n');
}

if (require.main === module) console.log(lifecycleDiagram());
