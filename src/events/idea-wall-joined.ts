/** The person joined the live forum at a table (the participant token is kept on the device). */
export interface HdIdeaWallJoinedDetail {
  forumId: string;
  table: number;
}

export class HdIdeaWallJoinedEvent extends Event {
  readonly detail: HdIdeaWallJoinedDetail;
  constructor(detail: HdIdeaWallJoinedDetail) {
    super('hd-idea-wall-joined', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-idea-wall-joined': HdIdeaWallJoinedEvent;
  }
}
