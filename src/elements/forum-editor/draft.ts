/**
 * `<hd-forum-editor>`'s draft: what the operator is typing, as the strings the fields hold, keyed
 * by the request's paths (so a server problem at `venue.name` lands at that field); the contract's
 * rules for each field (`FIELDS`, the same limits as `ForumInput` and `Question` in
 * api/openapi.yaml); and the way from a forum to a draft and back. Times are typed and shown in
 * Asia/Seoul, whatever the browser's zone: a `datetime-local` value `2031-05-10T14:00` is
 * `2031-05-10T14:00:00+09:00`.
 */
import type { Forum, Question } from '../../api/types.js';
import type { ForumInput, ForumPatch } from '../../operator/admin.js';
import { listItems, problemOf, type FieldSpec, type Problem } from '../../operator/form.js';
import { fromSeoul, toSeoul } from '../../operator/seoul.js';

/** The forum's fields (the request's paths). */
export const FIELDS = {
  title: { type: 'text', required: true, max: 100 },
  summary: { type: 'text', max: 2000 },
  topics: { type: 'list', max: 10, itemMax: 40 },
  district: { type: 'text', required: true, max: 40 },
  'venue.name': { type: 'text', required: true, max: 100 },
  'venue.address': { type: 'text', required: true, max: 200 },
  startsAt: { type: 'datetime', required: true },
  endsAt: { type: 'datetime', required: true },
  capacity: { type: 'number', required: true, min: 1, max: 10000 },
  signupOpensAt: { type: 'datetime' },
  signupClosesAt: { type: 'datetime' },
  tables: { type: 'number', min: 0, max: 200 },
  voteBudget: { type: 'number', min: 0, max: 20 },
  categories: { type: 'list', max: 30, itemMax: 40 },
  joinCode: { type: 'text', pattern: /^[A-Z0-9]{4,12}$/ },
} as const satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELDS;
export type Draft = Record<FieldKey, string>;

/** One question of the signup form as typed; `uid` tells questions apart while they move. */
export interface QuestionDraft {
  uid: number;
  id: string;
  label: string;
  help: string;
  kind: Question['kind'];
  required: boolean;
  /** Choices, one per line. */
  options: string;
  maxLength: string;
}

/** A question's fields (after `questions.<n>.`). */
export const QUESTION_FIELDS = {
  label: { type: 'text', required: true, max: 200 },
  help: { type: 'text', max: 500 },
  kind: { type: 'choice', required: true },
  required: { type: 'flag' },
  options: { type: 'list', max: 20, itemMax: 100, lines: true },
  maxLength: { type: 'number', min: 1, max: 2000 },
} as const satisfies Record<string, FieldSpec>;

/** The spec of a field key (`title`, `questions.2.label`), if the editor has such a field. */
export function specOf(key: string): FieldSpec | undefined {
  const q = /^questions\.\d+\.(\w+)$/.exec(key);
  if (q) return (QUESTION_FIELDS as Record<string, FieldSpec>)[q[1]!];
  return (FIELDS as Record<string, FieldSpec>)[key];
}

export const emptyDraft = (): Draft => ({
  title: '',
  summary: '',
  topics: '',
  district: '',
  'venue.name': '',
  'venue.address': '',
  startsAt: '',
  endsAt: '',
  capacity: '',
  signupOpensAt: '',
  signupClosesAt: '',
  tables: '',
  voteBudget: '3',
  categories: '',
  joinCode: '',
});

export const draftOf = (f: Forum): Draft => ({
  title: f.title,
  summary: f.summary,
  topics: f.topics.join(', '),
  district: f.district,
  'venue.name': f.venue.name,
  'venue.address': f.venue.address,
  startsAt: toSeoul(f.startsAt),
  endsAt: toSeoul(f.endsAt),
  capacity: String(f.capacity),
  signupOpensAt: toSeoul(f.signupOpensAt),
  signupClosesAt: toSeoul(f.signupClosesAt),
  tables: String(f.tables),
  voteBudget: String(f.voteBudget),
  categories: f.categories.join(', '),
  joinCode: '',
});

let uids = 0;
export const newQuestion = (taken: readonly QuestionDraft[]): QuestionDraft => {
  let n = taken.length + 1;
  while (taken.some((q) => q.id === `q${n}`)) n++;
  return { uid: ++uids, id: `q${n}`, label: '', help: '', kind: 'text', required: false, options: '', maxLength: '' };
};

export const questionDrafts = (questions: readonly Question[]): QuestionDraft[] =>
  questions.map((q) => ({
    uid: ++uids,
    id: q.id,
    label: q.label,
    help: q.help ?? '',
    kind: q.kind,
    required: q.required,
    options: (q.options ?? []).join('\n'),
    maxLength: q.maxLength === undefined ? '' : String(q.maxLength),
  }));

export const questionsInput = (drafts: readonly QuestionDraft[]): Question[] =>
  drafts.map((d) => {
    const q: Question = { id: d.id, label: d.label.trim(), kind: d.kind, required: d.required };
    if (d.help.trim()) q.help = d.help.trim();
    if (d.kind !== 'text') q.options = listItems(d.options, true);
    else if (d.maxLength.trim()) q.maxLength = Number(d.maxLength);
    return q;
  });

/** What the draft would create (`POST /forums`). */
export function forumInput(d: Draft, keep?: Forum): ForumInput {
  const venue: ForumInput['venue'] = { name: d['venue.name'].trim(), address: d['venue.address'].trim() };
  // The editor has no map fields: a forum's coordinates stay as they were.
  if (keep?.venue.lat != null) venue.lat = keep.venue.lat;
  if (keep?.venue.lng != null) venue.lng = keep.venue.lng;
  const input: ForumInput = {
    title: d.title.trim(),
    summary: d.summary.trim(),
    topics: listItems(d.topics),
    district: d.district.trim(),
    venue,
    startsAt: fromSeoul(d.startsAt),
    endsAt: fromSeoul(d.endsAt),
    capacity: Number(d.capacity),
    signupOpensAt: d.signupOpensAt.trim() ? fromSeoul(d.signupOpensAt) : null,
    signupClosesAt: d.signupClosesAt.trim() ? fromSeoul(d.signupClosesAt) : null,
    categories: listItems(d.categories),
  };
  if (d.tables.trim()) input.tables = Number(d.tables);
  if (d.voteBudget.trim()) input.voteBudget = Number(d.voteBudget);
  if (d.joinCode.trim()) input.joinCode = d.joinCode.trim();
  return input;
}

/** What changed between the saved forum and the draft (`PATCH /forums/{id}`); empty when nothing. */
export function forumPatch(d: Draft, saved: Forum): ForumPatch {
  const now = forumInput(d, saved) as Record<string, unknown>;
  const was = forumInput(draftOf(saved), saved) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    if (key !== 'joinCode' && JSON.stringify(now[key]) !== JSON.stringify(was[key])) patch[key] = now[key];
  }
  return patch as ForumPatch;
}

/** Every problem of the draft and its questions, before anything is sent. */
export function problems(d: Draft, questions: readonly QuestionDraft[], creating: boolean): Map<string, Problem> {
  const found = new Map<string, Problem>();
  for (const [key, spec] of Object.entries(FIELDS)) {
    if (key === 'joinCode' && !creating) continue;
    const problem = problemOf(spec, d[key as FieldKey]);
    if (problem) found.set(key, problem);
  }
  questions.forEach((q, i) => {
    for (const [name, spec] of Object.entries(QUESTION_FIELDS)) {
      if ((name === 'options' && q.kind === 'text') || (name === 'maxLength' && q.kind !== 'text')) continue;
      const problem = problemOf(spec, q[name as keyof typeof QUESTION_FIELDS]) ?? (name === 'options' && !listItems(q.options, true).length ? 'missing' : undefined);
      if (problem) found.set(`questions.${i}.${name}`, problem);
    }
  });
  return found;
}
