import type { MailRequest } from '../../activities/journal';
import type { CaseProjection } from '../../activities/db/cases';
import { dbWrite, mail } from './activity-presets';

export interface JournalEvent {
  kind: string;
  actorId: string;
  stage: string;
  data: Record<string, unknown>;
  reason?: string;
  mail?: MailRequest[];
}

/**
 * Appends the case's timeline entries one at a time, in the order the workflow accepted the
 * changes. The sequence number lives in workflow state, so a retried write is recognised.
 */
export class Journal {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly caseId: string,
    private seq: number,
    private readonly projectionOf: () => CaseProjection,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Queues the entry behind the ones before it and resolves once it is stored. Its mail is
   * delivered in the background, so a staff action never waits for SMTP.
   */
  append(event: JournalEvent, at: Date): Promise<void> {
    this.seq += 1;
    const entry = {
      caseId: this.caseId,
      seq: this.seq,
      at: at.toISOString(),
      actorId: event.actorId,
      kind: event.kind,
      stage: event.stage,
      data: event.data,
      reason: event.reason ?? null,
    };
    const projection = this.projectionOf();
    const write = this.tail.then(() => dbWrite.journal({ entry, projection, mail: event.mail }));
    this.tail = write;
    this.track(write);
    const keys = (event.mail ?? []).map((m) => m.dedupeKey);
    if (keys.length > 0) this.track(write.then(() => mail.deliverMail({ dedupeKeys: keys })));
    return write.then(() => undefined);
  }

  /** True when every entry is stored and every message sent: the case may continue as new. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  private inFlight = 0;

  private track(work: Promise<unknown>): void {
    this.inFlight += 1;
    void work.finally(() => {
      this.inFlight -= 1;
    });
  }
}
