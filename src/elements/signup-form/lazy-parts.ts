/**
 * The parts of `<hd-signup-form>` that the form as first shown does not need: chunks fetched when a
 * state needs them, each with its own words and styles, each a controller or templates with a
 * narrow typed surface.
 * - `check`: the rules, error words and error summary, and with them `submit` (`Submission`:
 *   sending, the offline queue, the server's refusals), fetched when the form is first touched;
 * - `views`: the confirmation and the cancel-link view (`Manage`) (the first touch, or a cancel link);
 * - `guardian`: the legal guardian's fields (when the under-14 age group is chosen);
 * - `notices`: a full, not-yet-open or closed forum.
 */
import { part, type Part } from '../../controllers/parts.js';

/** @internal Exported for tests only (a part that fails to load). */
export const importers = {
  check: () => import('./check.js'),
  submit: () => import('./submit.js'),
  views: () => import('./views.js'),
  guardian: () => import('./guardian.js'),
  notices: () => import('./notices.js'),
};

export type PartName = keyof typeof importers;
export type PartModules = { [K in PartName]: Awaited<ReturnType<(typeof importers)[K]>> };

/** Each part, fetched once per page through `importers` (read when it is fetched: tests replace them). */
export const PARTS: { [K in PartName]: Part<PartModules[K]> } = {
  check: part(() => importers.check()),
  submit: part(() => importers.submit()),
  views: part(() => importers.views()),
  guardian: part(() => importers.guardian()),
  notices: part(() => importers.notices()),
};
