/**
 * React components for the Hyeondap widgets (`hyeondap-widgets/react`), made with `@lit/react`.
 *
 * One import registers every element (`<hd-provider>`, `<hd-forum-calendar>`, `<hd-signup-form>`,
 * `<hd-idea-wall>`, `<hd-result-summary>`) and gives typed components: each element property is a
 * prop (`apiBase`, `forumId`, `token`, …; set as a DOM property, so a token never shows up as an
 * attribute), and each `hd-…` event is an `on…` prop whose handler receives the typed event
 * (`event.detail`; call `event.preventDefault()` on the cancelable ones).
 *
 * React 18 or 19 is a peer dependency of this entry only; the rest of the package does not need it.
 *
 * ```tsx
 * import { HdProvider, HdForumCalendar } from 'hyeondap-widgets/react';
 *
 * export function Forums() {
 *   return (
 *     <HdProvider apiBase="https://forum.example.kr/api">
 *       <HdForumCalendar
 *         signupHref="/signup?forum={id}"
 *         onForumSelect={(e) => console.log(e.detail.forum.title)}
 *       />
 *     </HdProvider>
 *   );
 * }
 * ```
 *
 * Events and their props:
 * - `HdForumCalendar`: `onForumSelect` (`hd-forum-select`)
 * - `HdSignupForm`: `onSignupSubmit` (`hd-signup-submit`), `onSignupComplete` (`hd-signup-complete`),
 *   `onSignupCancel` (`hd-signup-cancel`)
 * - `HdIdeaWall`: `onIdeaPost` (`hd-idea-post`), `onIdeaPosted` (`hd-idea-posted`),
 *   `onVoteChanged` (`hd-vote-changed`), `onIdeaWallJoined` (`hd-idea-wall-joined`)
 * - `HdResultSummary`: `onResultForumSelect` (`hd-result-forum-select`)
 *
 * A `ref` gives the element itself (`useRef<HdForumCalendarElement>(null)`, then
 * `ref.current?.refresh()`).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { attachContextRoot } from '../context/context-root.js';
import { HdProvider as HdProviderElement } from '../define/hd-provider.js';
import { HdForumCalendar as HdForumCalendarElement } from '../define/hd-forum-calendar.js';
import { HdSignupForm as HdSignupFormElement } from '../define/hd-signup-form.js';
import { HdIdeaWall as HdIdeaWallElement } from '../define/hd-idea-wall.js';
import { HdResultSummary as HdResultSummaryElement } from '../define/hd-result-summary.js';
import type { HdForumSelectEvent } from '../events/forum-select.js';
import type { HdSignupSubmitEvent } from '../events/signup-submit.js';
import type { HdSignupCompleteEvent } from '../events/signup-complete.js';
import type { HdSignupCancelEvent } from '../events/signup-cancel.js';
import type { HdIdeaPostEvent } from '../events/idea-post.js';
import type { HdIdeaPostedEvent } from '../events/idea-posted.js';
import type { HdVoteChangedEvent } from '../events/vote-changed.js';
import type { HdIdeaWallJoinedEvent } from '../events/idea-wall-joined.js';
import type { HdResultForumSelectEvent } from '../events/result-forum-select.js';

// One ContextRoot on the document, as the CDN entry has (attached once, also beside the CDN
// loader), for a widget that asks before any provider answers. `<hd-provider>` is defined first
// above, so inside a provider that does not happen here; the root is for parity. Called in this
// module's body rather than through a bare side-effect import, which a bundler honouring the
// package's `sideEffects` list would drop; and not during server rendering (Next.js and the like),
// where there is no document: importing this entry there must not throw.
if (typeof document !== 'undefined') attachContextRoot();

/** `<hd-provider>`: the API base, locale and token for every widget inside it. */
export const HdProvider = createComponent({
  react: React,
  tagName: 'hd-provider',
  elementClass: HdProviderElement,
  displayName: 'HdProvider',
});

/** `<hd-forum-calendar>`: forums as a month grid or a list, with filters and the way to signup. */
export const HdForumCalendar = createComponent({
  react: React,
  tagName: 'hd-forum-calendar',
  elementClass: HdForumCalendarElement,
  displayName: 'HdForumCalendar',
  events: {
    /** A person followed a forum's link (cancelable: `preventDefault()` stops the navigation). */
    onForumSelect: 'hd-forum-select' as EventName<HdForumSelectEvent>,
  },
});

/** `<hd-signup-form>`: 참가 신청 for one forum, the receipt, and cancelling it. */
export const HdSignupForm = createComponent({
  react: React,
  tagName: 'hd-signup-form',
  elementClass: HdSignupFormElement,
  displayName: 'HdSignupForm',
  events: {
    /** Before a signup is sent (cancelable: `preventDefault()` stops the sending). */
    onSignupSubmit: 'hd-signup-submit' as EventName<HdSignupSubmitEvent>,
    /** The server took the signup (confirmed or waitlisted). */
    onSignupComplete: 'hd-signup-complete' as EventName<HdSignupCompleteEvent>,
    /** The person cancelled their registration and the server confirmed it. */
    onSignupCancel: 'hd-signup-cancel' as EventName<HdSignupCancelEvent>,
  },
});

/** `<hd-idea-wall>`: the live idea wall (participant, facilitator or projector mode). */
export const HdIdeaWall = createComponent({
  react: React,
  tagName: 'hd-idea-wall',
  elementClass: HdIdeaWallElement,
  displayName: 'HdIdeaWall',
  events: {
    /** Before an idea is sent (cancelable: `preventDefault()` keeps it from being posted). */
    onIdeaPost: 'hd-idea-post' as EventName<HdIdeaPostEvent>,
    /** The server took a posted idea (also one sent later from the offline queue). */
    onIdeaPosted: 'hd-idea-posted' as EventName<HdIdeaPostedEvent>,
    /** The person's dot was put on or taken back from an idea. */
    onVoteChanged: 'hd-vote-changed' as EventName<HdVoteChangedEvent>,
    /** The person joined the live forum at a table. */
    onIdeaWallJoined: 'hd-idea-wall-joined' as EventName<HdIdeaWallJoinedEvent>,
  },
});

/** `<hd-result-summary>`: a forum's results and the city's answers, or the programme's totals. */
export const HdResultSummary = createComponent({
  react: React,
  tagName: 'hd-result-summary',
  elementClass: HdResultSummaryElement,
  displayName: 'HdResultSummary',
  events: {
    /** A person chose a forum in the programme view (cancelable: the host navigates itself). */
    onResultForumSelect: 'hd-result-forum-select' as EventName<HdResultForumSelectEvent>,
  },
});

/** Props of each component (element properties, React's HTML attributes, `on…` handlers, `ref`). */
export type HdProviderProps = React.ComponentProps<typeof HdProvider>;
export type HdForumCalendarProps = React.ComponentProps<typeof HdForumCalendar>;
export type HdSignupFormProps = React.ComponentProps<typeof HdSignupForm>;
export type HdIdeaWallProps = React.ComponentProps<typeof HdIdeaWall>;
export type HdResultSummaryProps = React.ComponentProps<typeof HdResultSummary>;

/** The element classes, for `useRef<…>` and `ref.current`. */
export type {
  HdProviderElement,
  HdForumCalendarElement,
  HdSignupFormElement,
  HdIdeaWallElement,
  HdResultSummaryElement,
};

/** The events the `on…` handlers receive, and their `detail` types. */
export type { HdForumSelectEvent, HdForumSelectDetail } from '../events/forum-select.js';
export type { HdSignupSubmitEvent, HdSignupSubmitDetail } from '../events/signup-submit.js';
export type { HdSignupCompleteEvent, HdSignupCompleteDetail } from '../events/signup-complete.js';
export type { HdSignupCancelEvent, HdSignupCancelDetail } from '../events/signup-cancel.js';
export type { HdIdeaPostEvent, HdIdeaPostDetail } from '../events/idea-post.js';
export type { HdIdeaPostedEvent, HdIdeaPostedDetail } from '../events/idea-posted.js';
export type { HdVoteChangedEvent, HdVoteChangedDetail } from '../events/vote-changed.js';
export type { HdIdeaWallJoinedEvent, HdIdeaWallJoinedDetail } from '../events/idea-wall-joined.js';
export type { HdResultForumSelectEvent, HdResultForumSelectDetail } from '../events/result-forum-select.js';
