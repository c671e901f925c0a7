/**
 * `hd-proposal-answered`: `<hd-results-editor>` recorded the city's response to a proposal (a new
 * dated entry in its timeline). `detail.proposal` is the proposal as the server now has it.
 */
import type { Proposal } from '../api/types.js';

export interface HdProposalAnsweredDetail {
  proposal: Proposal;
}

export class HdProposalAnsweredEvent extends Event {
  readonly detail: HdProposalAnsweredDetail;
  constructor(detail: HdProposalAnsweredDetail) {
    super('hd-proposal-answered', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-proposal-answered': HdProposalAnsweredEvent;
  }
}
