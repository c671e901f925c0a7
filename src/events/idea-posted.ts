import type { Idea } from '../api/types.js';

/** The server took a posted idea (also fired when a queued idea is sent after being offline). */
export interface HdIdeaPostedDetail {
  idea: Idea;
  /** It waited in the offline queue. */
  queued: boolean;
}

export class HdIdeaPostedEvent extends Event {
  readonly detail: HdIdeaPostedDetail;
  constructor(detail: HdIdeaPostedDetail) {
    super('hd-idea-posted', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-idea-posted': HdIdeaPostedEvent;
  }
}
