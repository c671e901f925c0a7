import type { Forum } from '../api/types.js';

export interface HdForumSelectDetail {
  /** The forum the person chose. */
  forum: Forum;
  /** Where the link goes (`forum-href`, `signup-href` or `results-href` filled in). */
  href: string | null;
}

/**
 * `hd-forum-select`: a person followed a forum's link in `<hd-forum-calendar>`. Cancelable:
 * calling `preventDefault()` keeps the page where it is (the host can open its own dialog instead
 * of following the link). Not fired for middle-click or modifier-clicks, which open the link in a
 * new tab as any link does. A forum without a link (its title is plain text) fires nothing.
 */
export class HdForumSelectEvent extends Event {
  readonly detail: HdForumSelectDetail;
  constructor(detail: HdForumSelectDetail) {
    super('hd-forum-select', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-forum-select': HdForumSelectEvent;
  }
}
