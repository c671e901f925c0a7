/**
 * `<hd-results-editor>`'s drafts: the proposals being prepared for publication (`ResultInput`) and
 * an answer being recorded for one proposal (`ResponseInput`), as the strings the fields hold and
 * keyed by the requests' paths, with the contract's limits (api/openapi.yaml).
 */
import type { ForumResult, Idea, Proposal, ResponseStatus } from '../../api/types.js';
import type { ResponseInput, ResultInput } from '../../operator/admin.js';
import { problemOf, type FieldSpec, type Problem } from '../../operator/form.js';

export const PUBLISH_FIELDS = {
  attended: { type: 'number', required: true, min: 0, max: 100000 },
  summary: { type: 'text', max: 2000 },
} as const satisfies Record<string, FieldSpec>;

/** A proposal's fields (after `proposals.<n>.`). */
export const PROPOSAL_FIELDS = {
  title: { type: 'text', required: true, max: 200 },
  category: { type: 'text', max: 40 },
  department: { type: 'text', max: 100 },
  ideaIds: { type: 'list', max: 50 },
} as const satisfies Record<string, FieldSpec>;

/** An answer's fields (the request's paths; the editor keys them `answer.<proposalId>.<field>`). */
export const ANSWER_FIELDS = {
  status: { type: 'choice', required: true },
  answer: { type: 'text', max: 4000 },
  department: { type: 'text', max: 100 },
  date: { type: 'date' },
  note: { type: 'text', max: 500 },
} as const satisfies Record<string, FieldSpec>;

export const STATUSES: readonly ResponseStatus[] = ['accepted', 'partial', 'reviewing', 'declined', 'awaiting'];

export interface ProposalDraft {
  uid: number;
  title: string;
  category: string;
  department: string;
  ideaIds: string[];
}

export interface PublishDraft {
  attended: string;
  summary: string;
  proposals: ProposalDraft[];
}

export type AnswerDraft = Record<keyof typeof ANSWER_FIELDS, string>;

let uids = 0;

export const proposalDraft = (from: Partial<Omit<ProposalDraft, 'uid'>> = {}): ProposalDraft => ({
  uid: ++uids,
  title: from.title ?? '',
  category: from.category ?? '',
  department: from.department ?? '',
  ideaIds: from.ideaIds ?? [],
});

/** A proposal made from one idea: its words (cut to the title's limit), its category, the idea as its source. */
export const fromIdea = (idea: Idea): ProposalDraft =>
  proposalDraft({ title: [...idea.text].slice(0, PROPOSAL_FIELDS.title.max).join(''), category: idea.category ?? '', ideaIds: [idea.id] });

/** The drafts of what is published, or of nothing yet (attendance: who joined at the venue). */
export function publishDraft(result: ForumResult | undefined, participants: number): PublishDraft {
  if (!result) return { attended: participants ? String(participants) : '', summary: '', proposals: [] };
  return {
    attended: String(result.stats.attended),
    summary: result.summary,
    proposals: result.proposals.map((p) =>
      proposalDraft({ title: p.title, category: p.category ?? '', department: p.department ?? '', ideaIds: p.ideas.map((i) => i.id) }),
    ),
  };
}

export function resultInput(d: PublishDraft): ResultInput {
  const input: ResultInput = {
    attended: Number(d.attended),
    proposals: d.proposals.map((p) => ({
      title: p.title.trim(),
      ideaIds: p.ideaIds,
      category: p.category.trim() || null,
      department: p.department.trim() || null,
    })),
  };
  if (d.summary.trim()) input.summary = d.summary.trim();
  return input;
}

export function publishProblems(d: PublishDraft): Map<string, Problem> {
  const found = new Map<string, Problem>();
  for (const [key, spec] of Object.entries(PUBLISH_FIELDS)) {
    const problem = problemOf(spec, d[key as keyof typeof PUBLISH_FIELDS]);
    if (problem) found.set(key, problem);
  }
  d.proposals.forEach((p, i) => {
    for (const name of ['title', 'category', 'department'] as const) {
      const problem = problemOf(PROPOSAL_FIELDS[name], p[name]);
      if (problem) found.set(`proposals.${i}.${name}`, problem);
    }
  });
  return found;
}

export function publishSpec(key: string): FieldSpec | undefined {
  const p = /^proposals\.\d+\.(\w+)$/.exec(key);
  if (p) return (PROPOSAL_FIELDS as Record<string, FieldSpec>)[p[1]!];
  return (PUBLISH_FIELDS as Record<string, FieldSpec>)[key];
}

export const answerDraft = (p: Proposal, today: string): AnswerDraft => ({
  status: p.status,
  answer: p.answer ?? '',
  department: p.department ?? '',
  date: today,
  note: '',
});

export function answerInput(d: AnswerDraft): ResponseInput {
  const input: ResponseInput = { status: d.status as ResponseStatus, answer: d.answer.trim() || null, department: d.department.trim() || null };
  if (d.date.trim()) input.date = d.date.trim();
  if (d.note.trim()) input.note = d.note.trim();
  return input;
}

export function answerProblems(d: AnswerDraft, prefix: string): Map<string, Problem> {
  const found = new Map<string, Problem>();
  for (const [key, spec] of Object.entries(ANSWER_FIELDS)) {
    const problem = problemOf(spec, d[key as keyof AnswerDraft]);
    if (problem) found.set(prefix + key, problem);
  }
  return found;
}

export const answerSpec = (key: string): FieldSpec | undefined => (ANSWER_FIELDS as Record<string, FieldSpec>)[key.slice(key.lastIndexOf('.') + 1)];
