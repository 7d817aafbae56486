/** Where the case stands on its track (DOMAIN.md "Two tracks"), as a row of steps. */
import type { Stage } from '../../../domain/case/stages';
import { stageLabel } from '../lib/labels';
import { STEPPER_PATHS } from '../lib/stage-paths';

const OFF_TRACK: Partial<Record<Stage, Stage>> = { REJECTED: 'EVALUATION', TERMINATED: 'INVESTIGATION' };

function pathFor(track: string, stage: Stage, litigated: boolean): Stage[] {
  const litigation =
    litigated || ['LITIGATION_REVIEW', 'LITIGATION', 'JUDGMENT', 'ENFORCEMENT'].includes(stage);
  const paths = STEPPER_PATHS[track === 'civil' ? 'civil' : 'administrative'];
  return litigation ? paths.litigated : paths.settled;
}

export function StageStepper(props: {
  track: string;
  stage: string;
  litigated?: boolean;
  stageBefore?: string;
}) {
  const stage = props.stage as Stage;
  const suspended = stage === 'SUSPENDED';
  const where = (suspended ? (props.stageBefore as Stage | undefined) : OFF_TRACK[stage]) ?? stage;
  const path = pathFor(props.track, where, props.litigated ?? false);
  const at = path.indexOf(where);
  const ended = stage in OFF_TRACK;
  return (
    <div className="stepper-wrap">
      <ol className="stepper" aria-label="办案阶段">
        {path.map((s, i) => {
          const state = i < at || (ended && i === at) ? 'done' : i === at && !ended ? 'current' : 'todo';
          return (
            <li key={s} className={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="dot">{state === 'done' ? '✓' : i + 1}</span>
              <span className="name">{stageLabel(s)}</span>
            </li>
          );
        })}
        {ended && (
          <li className="current off-track" aria-current="step">
            <span className="dot">■</span>
            <span className="name">{stageLabel(stage)}</span>
          </li>
        )}
      </ol>
      {suspended && <p className="notice warn">本案已中止审查：各期限停止计算，恢复审查后继续。</p>}
    </div>
  );
}
