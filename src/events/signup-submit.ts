import type { RegistrationInput } from '../api/types.js';

export interface HdSignupSubmitDetail {
  forumId: string;
  /** Exactly what will be sent: only the fields the person filled in and consented to (a copy: changing it changes nothing). */
  input: RegistrationInput;
}

/**
 * Before a signup is sent. Cancelable: `event.preventDefault()` stops the sending (the form stays
 * as it is). Not fired again when a pending submission is retried.
 */
export class HdSignupSubmitEvent extends Event {
  readonly detail: HdSignupSubmitDetail;
  constructor(detail: HdSignupSubmitDetail) {
    super('hd-signup-submit', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-signup-submit': HdSignupSubmitEvent;
  }
}
