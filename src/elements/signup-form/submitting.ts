/**
 * `Submitting`: `<hd-signup-form>`'s way to its one `Submission` (submit.ts), whose code arrives
 * later. On submit it fetches the check chunk (which brings the sending code), at load only when a
 * submission waits on this device; it makes the `Submission` the first time and keeps why the code
 * could not be fetched (the form says so, with a retry). Until a `Submission` exists, the phase is
 * `form`. In the element's first chunk: small, and what the form needs before anything is sent.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { RegistrationReceipt } from '../../api/types.js';
import { fetchPart, type PartsController } from '../../controllers/parts.js';
import { PARTS } from './lazy-parts.js';
import { hasPending } from './pending-key.js';
import type { Phase, Submission, SubmissionOptions } from './submit.js';

export class Submitting {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: SubmissionOptions;
  readonly #parts: PartsController;
  #submission: Submission | undefined;
  /** The checking code is being fetched for a submit (one submit at a time, also meanwhile). */
  #checking = false;
  #stuck: { error: unknown } | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, parts: PartsController, options: SubmissionOptions) {
    this.#host = host;
    this.#parts = parts;
    this.#options = options;
  }

  /** The submission, once its code is in and something was (or is being) sent. */
  get submission(): Submission | undefined {
    return this.#submission;
  }

  get phase(): Phase {
    return this.#submission?.phase ?? 'form';
  }

  get receipt(): RegistrationReceipt | undefined {
    return this.#submission?.receipt;
  }

  /** A submit is under way (its code on its way, or the signup). */
  get busy(): boolean {
    return this.#checking || !!this.#submission?.inflight;
  }

  /** Why the checking code could not be fetched on the last submit, until it is in. */
  get stuck(): { error: unknown } | undefined {
    return PARTS.check.value ? undefined : this.#stuck;
  }

  #submissionOf(SubmissionClass: typeof Submission): Submission {
    return (this.#submission ??= new SubmissionClass(this.#host, this.#options));
  }

  /** The form is submitted: checked, then sent (once the code to do so is in). */
  async submit(): Promise<void> {
    const form = this.#options.form();
    if (this.busy || !form || !this.#options.client()) return;
    this.#checking = true;
    try {
      const check = PARTS.check.value ?? (this.#parts.need(PARTS.check), await fetchPart(PARTS.check));
      this.#submissionOf(check.Submission).submit(form);
    } catch (error) {
      // Offline before the code arrived (no touch before the submit): nothing was sent, nothing
      // lost. The form says so at its top, with a retry (focused) that submits again.
      this.#stuck = { error };
      this.#options.focus('summary');
      this.#host.requestUpdate();
    } finally {
      this.#checking = false;
    }
  }

  /**
   * After a reload: a submission that did not get through is restored and sent again (once the
   * sending code is in: tried again when the browser is back online).
   */
  resume(client: ApiClient, forumId: string): void {
    if (!forumId || this.phase !== 'form' || this.busy || !hasPending(client.baseUrl, forumId)) return;
    const resume = (submit: typeof import('./submit.js')) => this.#submissionOf(submit.Submission).resume(client.baseUrl, forumId);
    fetchPart(PARTS.submit).then(resume, () => undefined);
  }
}
