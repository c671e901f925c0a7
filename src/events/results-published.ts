/** `hd-results-published`: `<hd-results-editor>` published (or republished) a forum's results. */
import type { ForumResult } from '../api/types.js';

export interface HdResultsPublishedDetail {
  result: ForumResult;
}

export class HdResultsPublishedEvent extends Event {
  readonly detail: HdResultsPublishedDetail;
  constructor(detail: HdResultsPublishedDetail) {
    super('hd-results-published', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-results-published': HdResultsPublishedEvent;
  }
}
