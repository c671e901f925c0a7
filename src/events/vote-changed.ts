/** The person's dot was put on (or taken back from) an idea and the server confirmed it. */
export interface HdVoteChangedDetail {
  ideaId: string;
  /** All dots on the idea now. */
  votes: number;
  /** The person's dots on the idea now. */
  myVotes: number;
  votesUsed: number;
  voteBudget: number;
}

export class HdVoteChangedEvent extends Event {
  readonly detail: HdVoteChangedDetail;
  constructor(detail: HdVoteChangedDetail) {
    super('hd-vote-changed', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-vote-changed': HdVoteChangedEvent;
  }
}
