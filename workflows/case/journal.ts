import type { AcknowledgedAlert } from '../../store/case-alerts';
import type { MailRequest, OrganMailRequest } from '../../store/journal';
import type { ClockRowInput } from '../../store/case-details';
import type { CaseState } from '../../domain/case/model';
import { shanghaiDate } from '../../domain/time';
import { journalActivity, mail } from './activity-presets';
import { PageStates } from './page-states';
import { projectionOf, recommendationRows } from './projection';

export interface JournalEvent {
  kind: string;
  actorId: string;
  data: Record<string, unknown>;
  reason?: string | null;
}

export interface Written {
  /** The sequence numbers of the batch's entries: the first is the action's or alarm's own. */
  seqs: number[];
}

export interface JournalBatch {
  events: JournalEvent[];
  clocks?: ClockRowInput[];
  mail?: MailRequest[];
  /** Rewrite the recommendation rows too (only when they may have changed). */
  recommendations?: boolean;
  /** Alerts the batch's first entry acknowledged. */
  acknowledgedAlerts?: AcknowledgedAlert[];
  organMail?: OrganMailRequest[];
}

/**
 * Writes a case's timeline in the order the workflow accepted its changes, one batch (one
 * transaction) at a time. Sequence numbers live in workflow state, so a retried write is
 * recognised. Mail is delivered in the background: a staff action never waits for SMTP.
 */
export class Journal {
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private readonly pages = new PageStates();

  constructor(
    private readonly state: () => CaseState,
    /** Told when queued mail could not be sent within its retry bound. */
    private readonly mailFailed: (err: unknown) => void = () => undefined,
  ) {}

  /**
   * Resolves to the sequence numbers of the batch's entries, in order. A batch that cannot be
   * written gives its numbers back (the chain must stay gapless) and rejects; the next batch
   * is written all the same.
   */
  write(batch: JournalBatch): Promise<Written> {
    const state = this.state();
    if (batch.events.length === 0) return this.tail.then(() => ({ seqs: [] }));
    const before = state.seq;
    const at = new Date().toISOString();
    const entries = batch.events.map((e) => {
      state.seq += 1;
      return {
        caseId: state.info.caseId,
        seq: state.seq,
        at,
        actorId: e.actorId,
        kind: e.kind,
        stage: state.stage,
        data: e.data,
        reason: e.reason ?? null,
      };
    });
    const page = this.pages.next(state);
    const input = {
      caseId: state.info.caseId,
      procuratorateId: state.info.procuratorateId,
      entries,
      projection: projectionOf(state, shanghaiDate(new Date())),
      clocks: batch.clocks ?? [],
      ...(batch.recommendations ? { recommendations: recommendationRows(state) } : {}),
      mail: batch.mail ?? [],
      ...(batch.acknowledgedAlerts ? { acknowledgedAlerts: batch.acknowledgedAlerts } : {}),
      ...(batch.organMail ? { organMail: batch.organMail } : {}),
      ...(page ? { state: page.state } : {}),
    };
    const journal = journalActivity();
    const write = this.tail.then(() => journal(input));
    this.tail = write.catch(() => undefined);
    if (page) void write.then(page.stored, () => undefined);
    this.background(
      write.then(
        (r) =>
          r.mailKeys.length > 0
            ? mail.deliverMail({ dedupeKeys: r.mailKeys }).catch(this.mailFailed)
            : undefined,
        () => undefined,
      ),
    );
    return write.then(
      // Results recorded before the activity returned its seqs carry none: the numbers given are the same.
      (r: { seqs?: number[] }) => ({ seqs: r.seqs ?? entries.map((e) => e.seq) }),
      (err: unknown) => {
        if (state.seq === entries.at(-1)!.seq) state.seq = before;
        throw err;
      },
    );
  }

  /** Sends the case's unsent mail again, in the background, after the batches before it are stored. */
  resendMail(): void {
    const caseId = this.state().info.caseId;
    this.background(this.tail.then(() => mail.resendCaseMail({ caseId })).catch(this.mailFailed));
  }

  /** True when every batch is stored and every message sent: the case may continue as new. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Counts `work` as in flight until it settles; it must not reject. */
  background(work: Promise<unknown>): void {
    this.inFlight += 1;
    void work.finally(() => {
      this.inFlight -= 1;
    });
  }
}
