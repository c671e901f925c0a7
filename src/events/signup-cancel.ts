export interface HdSignupCancelDetail {
  forumId: string;
  registrationId: string;
  code: string;
}

/** The person cancelled their registration and the server confirmed it. */
export class HdSignupCancelEvent extends Event {
  readonly detail: HdSignupCancelDetail;
  constructor(detail: HdSignupCancelDetail) {
    super('hd-signup-cancel', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hd-signup-cancel': HdSignupCancelEvent;
  }
}
