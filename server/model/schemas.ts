/** zod schemas for request bodies, mirroring api/openapi.yaml (strict: unknown fields are refused). */
import { z } from 'zod';
import { formErrors } from '../domain/registration-checks.ts';
import { validationError } from '../http/problem.ts';
import { cursorParam, dateTime, dateOnly, idSchema, intParam, issuesToErrors } from '../http/validate.ts';
import type { ForumStatus } from '../db/schema.ts';

const str = (min: number, max: number) => z.string().min(min).max(max);
const nullableDateTime = z.union([dateTime, z.null()]);

export const venueSchema = z.strictObject({
  name: str(1, 100),
  address: str(1, 200),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});

const forumFields = {
  title: str(1, 100),
  summary: z.string().max(2000),
  topics: z.array(str(1, 40)).max(10),
  district: str(1, 40),
  venue: venueSchema,
  startsAt: dateTime,
  endsAt: dateTime,
  capacity: z.int().min(1).max(10000),
  signupOpensAt: nullableDateTime,
  signupClosesAt: nullableDateTime,
  tables: z.int().min(0).max(200),
  voteBudget: z.int().min(0).max(20),
  categories: z.array(str(1, 40)).max(30),
};

export const forumInputSchema = z.strictObject({
  id: idSchema.optional(),
  ...forumFields,
  topics: forumFields.topics.optional(),
  signupOpensAt: nullableDateTime.optional(),
  signupClosesAt: nullableDateTime.optional(),
  tables: forumFields.tables.optional(),
  voteBudget: forumFields.voteBudget.optional(),
  categories: forumFields.categories.optional(),
  // at least 6: with 36 characters that is two billion codes to try, at a limited rate
  joinCode: z.string().regex(/^[A-Z0-9]{6,12}$/, 'Must be 6–12 characters A–Z or 0–9.').optional(),
});

export const forumPatchSchema = z
  .strictObject({
    title: forumFields.title.optional(),
    summary: forumFields.summary.optional(),
    topics: forumFields.topics.optional(),
    district: forumFields.district.optional(),
    venue: venueSchema.optional(),
    startsAt: dateTime.optional(),
    endsAt: dateTime.optional(),
    capacity: forumFields.capacity.optional(),
    signupOpensAt: nullableDateTime.optional(),
    signupClosesAt: nullableDateTime.optional(),
    tables: forumFields.tables.optional(),
    voteBudget: forumFields.voteBudget.optional(),
    categories: forumFields.categories.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field.', params: { code: 'required' } });

export const statusInputSchema = z.strictObject({ status: z.enum(['open', 'closed', 'live', 'finished']) });

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'Must be 1–32 characters a–z, 0–9, _ or -.'),
  label: str(1, 200),
  help: z.string().max(500).optional(),
  kind: z.enum(['text', 'choice', 'multi-choice']),
  required: z.boolean(),
  options: z.array(str(1, 100)).max(20).optional(),
  maxLength: z.int().min(1).max(2000).optional(),
});
export const signupFormInputSchema = z.strictObject({ questions: z.array(questionSchema).max(20) });

export const ageGroups = ['under14', '14-19', '20s', '30s', '40s', '50s', '60s', '70plus'] as const;
export const accessibilityNeeds = ['sign-language', 'wheelchair', 'childcare', 'large-print'] as const;

export const contactSchema = z.strictObject({ kind: z.enum(['phone', 'email']), value: str(3, 254) });

export const registrationInputSchema = z.strictObject({
  name: str(1, 50),
  contact: contactSchema,
  district: str(1, 40),
  ageGroup: z.enum(ageGroups),
  role: z.enum(['participant', 'facilitator']),
  answers: z.record(z.string(), z.union([z.string().max(2000), z.array(z.string().max(100)).max(20)])).optional(),
  accessibility: z
    .array(z.enum(accessibilityNeeds))
    .max(4)
    .refine((a) => new Set(a).size === a.length, { message: 'Each need at most once.', params: { code: 'invalid_value' } })
    .optional(),
  accessibilityNote: z.string().max(500).optional(),
  consentVersion: str(1, 40),
  consents: z.record(z.string(), z.boolean()),
  guardian: z
    .strictObject({
      name: str(1, 50),
      contact: contactSchema,
      consent: z.literal(true, { message: "The guardian's consent is required." }),
    })
    .optional(),
  website: z.string().max(200).optional(),
});

export const personalDataRequestSchema = z.strictObject({ contact: contactSchema });

/** A browser's install key: at least 128 random bits, base64url (see server/model/participants.ts). */
export const INSTALL_KEY = /^[A-Za-z0-9_-]{22,128}$/;
export const joinInputSchema = z.strictObject({ joinCode: str(4, 12), table: z.int().min(1).max(200), installKey: z.string().regex(INSTALL_KEY).optional() });

export const facilitatorInputSchema = z.strictObject({ name: str(1, 50), table: z.int().min(1).max(200).nullable().optional() });
export const votingInputSchema = z.strictObject({ open: z.boolean(), durationSeconds: z.int().min(30).max(14400).nullable().optional() });

export const ideaInputSchema = z.strictObject({ text: z.string(), table: z.int().min(1).max(200).optional() });
export const ideaPatchSchema = z
  .strictObject({
    status: z.enum(['visible', 'hidden']).optional(),
    category: z.string().max(40).nullable().optional(),
    pinned: z.boolean().optional(),
    promoted: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field.', params: { code: 'required' } });
export const mergeInputSchema = z.strictObject({ into: idSchema });

export const responseStatuses = ['accepted', 'partial', 'reviewing', 'declined', 'awaiting'] as const;
export const resultInputSchema = z.strictObject({
  summary: z.string().max(2000).optional(),
  attended: z.int().min(0).max(100000),
  proposals: z
    .array(
      z.strictObject({
        title: str(1, 200),
        ideaIds: z.array(idSchema).max(50),
        category: z.string().max(40).nullable().optional(),
        department: z.string().max(100).nullable().optional(),
      }),
    )
    .max(50),
});
export const responseInputSchema = z.strictObject({
  status: z.enum(responseStatuses),
  answer: z.string().max(4000).nullable().optional(),
  department: z.string().max(100).nullable().optional(),
  date: dateOnly.optional(),
  note: z.string().max(500).optional(),
});

// ---- query strings (unknown parameters are ignored; errors name `query.<param>`) ----

export const STATUSES: readonly ForumStatus[] = ['announced', 'open', 'full', 'closed', 'live', 'finished', 'reported'];

/** `status=open,full`: a comma-separated list of the contract's statuses. */
const statusList = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
    for (const p of parts) {
      if (!STATUSES.includes(p as ForumStatus)) {
        ctx.addIssue({ code: 'custom', message: `Unknown status "${p}".`, params: { code: 'invalid_value' } });
        return z.NEVER;
      }
    }
    return parts as ForumStatus[];
  });

/** `GET /forums`. */
export const forumListQuery = z.object({
  status: statusList.optional(),
  district: z.string().max(40).optional(),
  topic: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  cursor: cursorParam.optional(),
  limit: intParam(1, 100).optional(),
});

/** `GET /forums/calendar.ics`. */
export const feedQuery = z.object({
  status: statusList.optional(),
  district: z.string().max(40).optional(),
  topic: z.string().max(40).optional(),
});

/** `GET /forums/{forumId}/ideas`. */
export const ideaListQuery = z.object({
  table: intParam(1, 200).optional(),
  category: z.string().max(40).optional(),
  sort: z.enum(['newest', 'votes']).optional(),
  include: z.enum(['visible', 'all']).optional(),
  cursor: cursorParam.optional(),
  limit: intParam(1, 1000).optional(),
});

/** `GET /forums/{forumId}/participants`. */
export const participantListQuery = z.object({
  cursor: cursorParam.optional(),
  limit: intParam(1, 100).optional(),
});

/** `GET /forums/{forumId}/registrations`. */
export const registrationListQuery = z.object({
  outcome: z.enum(['confirmed', 'waitlisted', 'cancelled']).optional(),
  cursor: cursorParam.optional(),
  limit: intParam(1, 100).optional(),
});

/**
 * A registration body: the typed input, or one 400 naming every bad field — the schema's and
 * the database-free form checks' together (a wrong phone number beside an empty name).
 */
export function parseRegistrationJson(json: unknown): z.output<typeof registrationInputSchema> {
  const parsed = registrationInputSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors = issuesToErrors(parsed.error.issues);
  const named = new Set(errors.map((e) => e.field));
  for (const e of formErrors(json)) if (!named.has(e.field)) errors.push(e);
  throw validationError(errors);
}
