/**
 * What the lazily loaded parts of `<hd-idea-wall>` (participation.ts, facilitator.ts,
 * projector.ts) may read and do. The wall passes itself: these members are `private` in
 * TypeScript so they stay out of the public API, and this interface lists exactly the ones its
 * parts may use — each typed from the element itself, so a renamed or retyped member is a type
 * error here. Types only: no runtime code.
 */
import type { HdIdeaWall as W } from './idea-wall.js';

export interface WallHost
  extends Pick<W, 'forumId' | 'mode' | 'joinCode' | 'joinHref' | 'table' | 'groupBy' | 'shownIdeas' | 'dispatchEvent' | 'requestUpdate'> {
  /** Words (`l.t`: the wall's own, in the language in effect), formatters, error texts. */
  readonly l: W['l'];
  readonly api: W['api'];
  /** The live connection's state line. */
  readonly liveLine: W['liveLine'];
  /** Every idea the wall knows (by id, with the event each reflects). */
  readonly store: W['store'];
  /** Backend and forum the wall's state belongs to (changes when either does). */
  readonly scope: W['scope'];
  forum: W['forum'];
  /** The participant's stored session (token, table). */
  readonly session: W['session'];
  /** The participant's dots: budget, used, per idea. */
  me: W['me'];
  /** The facilitator's tools once loaded. */
  readonly tools: W['tools'];
  readonly isFacilitator: W['isFacilitator'];
  /** The table filter (0: all). */
  readonly filterTable: W['filterTable'];
  /** The table an idea posted now is for (0: not chosen; a facilitator's choice). */
  draftTable: W['draftTable'];
  readonly fresh: W['fresh'];
  readonly bumped: W['bumped'];
  /** The polite live region's words. */
  readonly announcement: W['announcement'];
  /** A client with the writer's token (a participant's session or the facilitator's), if any. */
  readonly writer: W['writer'];
  readonly query: W['query'];
  readonly tableName: W['tableName'];
  readonly votingLine: W['votingLine'];
  /** Shows a message in the wall's status line. */
  readonly say: W['say'];
  /** Re-renders on the next frame (after a store change). */
  readonly schedule: W['schedule'];
}
