/** Before an idea is sent: cancel it (`preventDefault()`) to keep the idea from being posted. */
export interface HdIdeaPostDetail {
  text: string;
  /** The table it comes from (a facilitator posting on someone's behalf), if chosen. */
  table: number | undefined;
}

export class HdIdeaPostEvent extends Event {
  readonly detail: HdIdeaPostDetail;
  constructor(detail: HdIdeaPostDetail) {
    super('hd-idea-post', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-idea-post': HdIdeaPostEvent;
  }
}
