import type { RegistrationOutcome } from '../api/types.js';

/**
 * The receipt without its cancel token: the token is a credential for the person alone, and a
 * host page (analytics, tag managers) has no need of it.
 */
export interface HdSignupCompleteDetail {
  forumId: string;
  registrationId: string;
  /** The code shown at the door. */
  code: string;
  outcome: RegistrationOutcome;
  waitlistPosition: number | null;
  createdAt: string;
}

/** The server took the signup (confirmed or waitlisted), also when a pending one went through later. */
export class HdSignupCompleteEvent extends Event {
  readonly detail: HdSignupCompleteDetail;
  constructor(detail: HdSignupCompleteDetail) {
    super('hd-signup-complete', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-signup-complete': HdSignupCompleteEvent;
  }
}
