/**
 * What the wall's controllers and its code-split parts (participation.ts, facilitator.ts,
 * projector.ts) share: the element's public settings, its data and membership controllers, its
 * words and its status line. Types only: no runtime code, and nothing private of the element.
 */
import type { ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import type { ko } from './messages.js';
import type { Membership } from './membership.js';
import type { ShownIdeas } from './shown.js';
import type { SortOrder } from './store.js';
import type { WallData } from './wall-data.js';

export type IdeaWallMode = 'participant' | 'facilitator' | 'projector';
export type GroupBy = 'category' | 'table' | 'none';

/** The element's public properties, as its controllers read them. */
export interface WallSettings {
  readonly forumId: string;
  readonly mode: IdeaWallMode;
  readonly joinCode: string;
  readonly table: number;
  readonly joinHref: string;
  readonly groupBy: GroupBy;
  /** The wall's sort (a person may change it). */
  sort: SortOrder;
  /** The wall stands still (a person may hold it). */
  paused: boolean;
}

/** The element as its controllers see it: its settings, a reactive host, and where its events start. */
export type WallHost = WallSettings & ReactiveControllerHost & HTMLElement;

export type WallWords = LocalizeController<typeof ko>;

export interface WallContext {
  readonly host: WallHost;
  /** The forum's ideas, the forum and its tables, kept live. */
  readonly data: WallData;
  /** Who writes from this device: a participant's session and dots, or a facilitator. */
  readonly member: Membership;
  /** What the wall shows: the filters, and the list held still while paused. */
  readonly shown: ShownIdeas;
  /** The wall's words (`t`), the shared ones (`m`), error texts and the locale in effect. */
  readonly words: WallWords;
  /** Shows a message in the wall's status line (a polite live region). */
  say(text: string, error?: boolean): void;
}
