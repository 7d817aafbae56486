// The web app's stage stepper shows paths the procedure table allows.
import { movesFrom } from '../../domain/case/procedure';
import { TRACKS } from '../../domain/case/stages';
import { STEPPER_PATHS } from '../../web/src/lib/stage-paths';

const paths = TRACKS.flatMap((track) =>
  Object.entries(STEPPER_PATHS[track]).map(([kind, stages]) => [track, kind, stages] as const),
);

describe('stage stepper', () => {
  it.each(paths)(
    'when a %s case is %s, then each step is a move of the table on that track',
    (track, _, stages) => {
      expect(stages[0]).toBe('LEAD');
      const missing = stages
        .slice(1)
        .map((to, i) => ({ from: stages[i]!, to }))
        .filter(({ from, to }) => !movesFrom(from, track).some((m) => m.to === to));
      expect(missing).toEqual([]);
    },
  );

  it.each(TRACKS)('when a %s case goes to court, then the stepper passes LITIGATION_REVIEW', (track) => {
    expect(STEPPER_PATHS[track].litigated).toContain('LITIGATION_REVIEW');
    expect(STEPPER_PATHS[track].settled).not.toContain('LITIGATION_REVIEW');
  });
});
