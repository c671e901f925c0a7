/**
 * `hd-result-forum-select`: a person chose a forum in `<hd-result-summary>`'s programme view.
 * Cancelable: without `preventDefault()` the element shows that forum's summary itself (with a
 * way back); a host page that has its own page per forum cancels it and navigates.
 */
export interface HdResultForumSelectDetail {
  forumId: string;
}

export class HdResultForumSelectEvent extends Event {
  readonly detail: HdResultForumSelectDetail;
  constructor(detail: HdResultForumSelectDetail) {
    super('hd-result-forum-select', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-result-forum-select': HdResultForumSelectEvent;
  }
}
