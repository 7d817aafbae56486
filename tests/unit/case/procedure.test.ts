// The procedure table answers how a case moves, and holds together as a procedure.
import {
  CURRENT_PROCEDURE,
  findMove,
  howToReach,
  movesFrom,
  PROCEDURE,
  ProcedureError,
  routeTo,
  STAGE_EVENTS,
  stageTracks,
  walk,
} from '../../../domain/case/procedure';
import { Effects, moveStage, Rejection } from '../../../domain/case/rules/common';
import { isFinalStage, STAGES, TRACKS, type Stage, type Track } from '../../../domain/case/stages';
import { at } from './points';

const arrows = (moves: { from: Stage; event: string; to: Stage }[]) =>
  moves.map((m) => `${m.from} --${m.event}--> ${m.to}`);

describe('how does a case reach LITIGATION_REVIEW?', () => {
  it('administrative: when an organ is found not performing after follow-up, or on resuming a review', () => {
    expect(arrows(howToReach('LITIGATION_REVIEW', 'administrative'))).toEqual([
      'FOLLOW_UP --non_performance_found--> LITIGATION_REVIEW',
      'SUSPENDED --resumed--> LITIGATION_REVIEW',
    ]);
    expect(routeTo('LITIGATION_REVIEW', 'administrative')?.map((m) => m.event)).toEqual([
      'evaluation_started',
      'filing_approved',
      'investigation_recorded',
      'recommendation_issued',
      'all_replies_in_or_overdue',
      'non_performance_found',
    ]);
  });

  it('civil: when nobody sued within the announcement period, the suit supported was withdrawn or refused for standing, the 生态环境损害赔偿 consultation failed and the right-holder did not sue, a hero’s relatives did not sue, or the hero has none (a civil case is not suspended)', () => {
    expect(arrows(howToReach('LITIGATION_REVIEW', 'civil'))).toEqual([
      'ANNOUNCEMENT --nobody_sued--> LITIGATION_REVIEW',
      'SUPPORT --supported_suit_failed--> LITIGATION_REVIEW',
      'ANNOUNCEMENT --compensation_failed--> LITIGATION_REVIEW',
      'INVESTIGATION --relatives_not_suing--> LITIGATION_REVIEW',
      'INVESTIGATION --no_close_relatives--> LITIGATION_REVIEW',
    ]);
    // The shortest way is a 英雄烈士保护 case's: the relatives asked instead of the announcement.
    expect(routeTo('LITIGATION_REVIEW', 'civil')?.map((m) => m.event)).toEqual([
      'evaluation_started',
      'filing_approved',
      'investigation_recorded',
      'relatives_not_suing',
    ]);
  });

  it('and from LITIGATION_REVIEW the case is sued, not sued, terminated, supported (civil) or (administrative) suspended', () => {
    expect(movesFrom('LITIGATION_REVIEW', 'civil').map((m) => m.event)).toEqual([
      'other_plaintiff_sued',
      'litigation_approved',
      'litigation_refused',
      'transferred_on_review',
      'terminated',
    ]);
    expect(movesFrom('LITIGATION_REVIEW', 'administrative').map((m) => m.event)).toContain('suspended');
  });

  it('a case suspended before Rules art. 78 was applied can still resume where it was (legacy rows)', () => {
    for (const [stage, track] of [
      ['INVESTIGATION', 'civil'],
      ['RECOMMENDATION', 'administrative'],
      ['ANNOUNCEMENT', 'civil'],
      ['LITIGATION_REVIEW', 'civil'],
    ] as const) {
      expect(findMove(stage, 'suspended', track)).toMatchObject({ to: 'SUSPENDED', legacy: true });
      expect(findMove('SUSPENDED', 'resumed', track, stage)).toMatchObject({ legacy: true });
    }
    expect(CURRENT_PROCEDURE.filter((m) => m.event === 'suspended').map((m) => m.from)).toEqual([
      'FOLLOW_UP',
      'LITIGATION_REVIEW',
    ]);
  });
});

const onTracks = PROCEDURE.flatMap((m) => m.tracks.map((track) => [track, m] as const));
const stagesOn = (track: Track) => STAGES.filter((s) => s === 'LEAD' || howToReach(s, track).length > 0);

const currentOnTracks = CURRENT_PROCEDURE.flatMap((m) => m.tracks.map((track) => [track, m] as const));

describe('the table as a procedure', () => {
  it.each(currentOnTracks.map(([t, m]) => [`${m.from} --${m.event}--> ${m.to} (${t})`, t, m] as const))(
    'when a case can take %s, then it can reach where that move starts from LEAD',
    (_, track, m) => {
      expect(routeTo(m.from, track)).toBeDefined();
    },
  );

  it.each(TRACKS.flatMap((t) => stagesOn(t).map((s) => [s, t] as const)))(
    'when a case is at %s (%s), then it has a way out unless the stage is final',
    (stage, track) => {
      expect(movesFrom(stage, track).length > 0).toBe(!isFinalStage(stage));
    },
  );

  it('when a move belongs to a track, then both its stages exist on that track', () => {
    const stray = onTracks.filter(
      ([t, m]) => !stageTracks(m.from).includes(t) || !stageTracks(m.to).includes(t),
    );
    expect(stray).toEqual([]);
  });

  it('when an event happens at a stage, then the table names one stage it leads to (resuming aside)', () => {
    const keys = onTracks
      .filter(([, m]) => m.event !== 'resumed')
      .map(([t, m]) => `${m.from} ${m.event} ${t}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('when a case is resumed to a stage, then it can have been suspended from that stage', () => {
    const resumed = onTracks.filter(([, m]) => m.event === 'resumed');
    const unsuspendable = resumed.filter(([t, m]) => findMove(m.to, 'suspended', t)?.to !== 'SUSPENDED');
    expect(resumed.length).toBeGreaterThan(0);
    expect(unsuspendable).toEqual([]);
  });

  it('when an event is named, then some move uses it', () => {
    const used = new Set(PROCEDURE.map((m) => m.event));
    expect(Object.keys(STAGE_EVENTS).filter((e) => !used.has(e as keyof typeof STAGE_EVENTS))).toEqual([]);
  });

  it('when a stage is listed, then a case can reach it on some track', () => {
    expect(STAGES.filter((s) => !TRACKS.some((t) => stagesOn(t).includes(s)))).toEqual([]);
  });
});

describe('moveStage', () => {
  it('when a rule asks for a move the table lacks, then it throws a ProcedureError, not a Rejection', () => {
    const s = at('LEAD');
    const move = () => moveStage(s.state, 'filing_approved', new Effects());
    expect(move).toThrow(ProcedureError);
    expect(move).toThrow(/no move from LEAD on filing_approved \(administrative\)/);
    expect(move).not.toThrow(Rejection);
    expect(s.state.stage).toBe('LEAD');
  });

  it('when a move belongs to the other track, then it is refused as a bug', () => {
    expect(findMove('INVESTIGATION', 'announcement_published', 'administrative')).toBeUndefined();
    expect(() => moveStage(at('INVESTIGATION').state, 'announcement_published', new Effects())).toThrow(
      ProcedureError,
    );
  });

  it('when resuming, then the case returns only to a stage it can be suspended from', () => {
    const s = at('SUSPENDED');
    expect(() => moveStage(s.state, 'resumed', new Effects(), 'LITIGATION')).toThrow(ProcedureError);
    const fx = new Effects();
    moveStage(s.state, 'resumed', fx, 'FOLLOW_UP');
    expect(fx.stageChanges).toEqual([{ from: 'SUSPENDED', to: 'FOLLOW_UP' }]);
  });

  it('when a walk takes a step the table lacks, then it says which', () => {
    expect(() => walk('civil', ['evaluation_started', 'recommendation_issued'])).toThrow(
      /no move from EVALUATION on recommendation_issued \(civil\)/,
    );
  });
});
