import { patched } from '@temporalio/workflow';
import type { CaseState } from '../../domain/case/model';
import { pageStateOf, type PageState } from '../../domain/case/page-state';
import { PATCHES } from '../patches';

/**
 * The page state (domain/case/page-state.ts) each journal batch carries to the read model: only when
 * it differs from the one last stored. A reminder or a document leaves the page as it was, and
 * the state would otherwise grow the history by a few kilobytes with every batch.
 */
export class PageStates {
  /** The last stored page state, its sequence number left out. */
  private stored: string | undefined;

  /** The page state to send with the next batch, and what to call once that batch is stored. */
  next(state: CaseState): { state: PageState; stored(): void } | undefined {
    if (!patched(PATCHES.readModelState)) return undefined;
    const page = pageStateOf(state);
    const signature = JSON.stringify({ ...page, seq: 0 });
    if (signature === this.stored) return undefined;
    return {
      state: page,
      stored: () => {
        this.stored = signature;
      },
    };
  }
}
