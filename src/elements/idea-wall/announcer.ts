/**
 * `NewIdeas`: what the wall says about ideas arriving live. A polite live region hears a summary
 * ("새 제안 3건이 올라왔습니다.") at most every few seconds, never one line per idea, and never for
 * votes; a paused wall counts what came meanwhile (its "새 제안 N건" button resumes it).
 */
import type { ReactiveController } from 'lit';
import type { WallHost, WallWords } from './wall-context.js';

/** The least time between two summaries. */
const ANNOUNCE_MS = 5_000;

export class NewIdeas implements ReactiveController {
  readonly #host: WallHost;
  readonly #words: WallWords;
  /** The live region's words now. */
  announcement = '';
  /** New ideas since the wall was paused. */
  whilePaused = 0;
  #count = 0;
  #saidAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #echo: ReturnType<typeof setTimeout> | undefined;

  constructor(host: WallHost, words: WallWords) {
    this.#host = host;
    this.#words = words;
    host.addController(this);
  }

  /** A new idea arrived live. */
  note(): void {
    if (this.#host.paused) this.whilePaused++;
    this.#count++;
    if (this.#timer) return;
    const wait = Math.max(0, this.#saidAt + ANNOUNCE_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#saidAt = Date.now();
      const text = this.#count ? this.#words.t.live.announce(this.#count) : '';
      this.#count = 0;
      // Emptied first, so the same words ("새 제안 1건…") are announced again.
      this.#say('');
      this.#echo = setTimeout(() => this.#say(text), 100);
    }, Math.max(wait, 1_000));
  }

  hostUpdate(): void {
    if (!this.#host.paused) this.whilePaused = 0;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#echo);
    this.#timer = undefined;
  }

  #say(text: string): void {
    this.announcement = text;
    this.#host.requestUpdate();
  }
}
