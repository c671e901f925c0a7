/**
 * What the lazily loaded parts of `<hd-signup-form>` (submit.ts, views.ts, guardian.ts,
 * notices.ts) may read and do. The element passes itself: these members are `private` in
 * TypeScript so they stay out of the public API, and this interface lists exactly the ones its
 * parts may use — each typed from the element itself, so a renamed or retyped member is a type
 * error here. Types only: no runtime code.
 */
import type { HdSignupForm as F } from './signup-form.js';

export interface SignupHost extends Pick<F, 'forumId' | 'cancelToken' | 'dispatchEvent' | 'addController' | 'removeController' | 'requestUpdate' | 'updateComplete'> {
  /** Words (`l.t`: the element's own, in the language in effect), formatters, error texts. */
  readonly l: F['l'];
  readonly client: F['client'];
  /** The forum's signup form once loaded. */
  readonly form: F['form'];
  forum: F['forum'];
  values: F['values'];
  errors: F['errors'];
  summary: F['summary'];
  general: F['general'];
  phase: F['phase'];
  receipt: F['receipt'];
  /** Read out by screen readers (a polite live region). */
  announce: F['announce'];
  /** What to focus after the next render: a field key, `top` (the view's heading) or `summary`. */
  focusNext: F['focusNext'];
  /** A submission is on its way (not reactive). */
  inflight: F['inflight'];
  /** Fetches the forum and its form again. */
  readonly load: F['load'];
  /** Another lazy part: the module, or undefined while it loads. */
  readonly lazy: F['lazy'];
  readonly renderForum: F['renderForum'];
  /** The forum's date and venue (a `<dl>`). */
  readonly when: F['when'];
  readonly renderError: F['renderError'];
  readonly renderLoading: F['renderLoading'];
  readonly text: F['text'];
  readonly contact: F['contact'];
  readonly group: F['group'];
  readonly focusField: F['focusField'];
}
