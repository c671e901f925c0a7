/**
 * Named aliases for the contract's schemas and operations, derived from the generated
 * `schema.d.ts` (never hand-copied): when the contract changes, these change with it.
 */
import type { components, operations } from './schema.js';

type Schemas = components['schemas'];

export type Forum = Schemas['Forum'];
export type ForumAdmin = Schemas['ForumAdmin'];
export type ForumPage = Schemas['ForumPage'];
export type ForumStatus = Schemas['ForumStatus'];
export type SignupForm = Schemas['SignupForm'];
export type Question = Schemas['Question'];
export type ConsentItem = Schemas['ConsentItem'];
export type RegistrationInput = Schemas['RegistrationInput'];
export type RegistrationReceipt = Schemas['RegistrationReceipt'];
export type RegistrationStatus = Schemas['RegistrationStatus'];
export type RegistrationOutcome = Schemas['RegistrationOutcome'];
export type ParticipantSession = Schemas['ParticipantSession'];
export type Participant = Schemas['Participant'];
export type ParticipantPage = Schemas['ParticipantPage'];
export type ParticipantRevoked = Schemas['ParticipantRevoked'];
export type Me = Schemas['Me'];
export type Table = Schemas['Table'];
export type Idea = Schemas['Idea'];
export type IdeaPage = Schemas['IdeaPage'];
export type IdeaInput = Schemas['IdeaInput'];
export type IdeaPatch = Schemas['IdeaPatch'];
export type IdeaStatus = Schemas['IdeaStatus'];
export type VoteResult = Schemas['VoteResult'];
export type Voting = Schemas['Voting'];
export type VotingInput = Schemas['VotingInput'];
export type ForumResult = Schemas['ForumResult'];
export type Proposal = Schemas['Proposal'];
export type ResponseStatus = Schemas['ResponseStatus'];
export type Totals = Schemas['Totals'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type LiveEventType = Schemas['LiveEventType'];
export type AgeGroup = Schemas['AgeGroup'];
export type AccessibilityNeed = Schemas['AccessibilityNeed'];
export type Role = Schemas['Role'];

/** Every operation id of the contract. */
export type OperationId = keyof operations;

type Responses<O extends OperationId> = operations[O]['responses'];
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of an operation's success response (200 or 201). */
export type SuccessBody<O extends OperationId> = JsonContent<
  Responses<O>[Extract<keyof Responses<O>, 200 | 201>]
>;

/** The query parameters of an operation (an empty object when it has none). */
export type QueryOf<O extends OperationId> = operations[O]['parameters'] extends { query?: infer Q }
  ? [Q] extends [never | undefined]
    ? Record<string, never>
    : NonNullable<Q>
  : Record<string, never>;

/** The JSON request body of an operation. */
export type BodyOf<O extends OperationId> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Query of `GET /forums`. */
export type ForumListQuery = QueryOf<'listForums'>;
/** Query of `GET /forums/{forumId}/ideas`. */
export type IdeaListQuery = QueryOf<'listIdeas'>;
/** Filters of the iCalendar feed. */
export type FeedFilters = QueryOf<'forumsCalendarFeed'>;
/** Query of `GET /forums/{forumId}/participants`. */
export type ParticipantListQuery = QueryOf<'listParticipants'>;
/** Body of `POST /forums/{forumId}/participants`. */
export type JoinInput = BodyOf<'joinForum'>;
/** Body of `POST /forums/{forumId}/ideas/{ideaId}/merge`. */
export type MergeInput = BodyOf<'mergeIdea'>;
/** Response of `GET /forums/{forumId}/tables`. */
export type TableList = SuccessBody<'listTables'>;

/** `data` of each live event type, as the contract describes it. */
export interface LiveEventData {
  'idea.created': Idea;
  'idea.updated': Idea;
  'idea.merged': { from: Idea; into: Idea };
  'vote.changed': { ideaId: string; votes: number };
  'forum.updated': Forum;
  'participants.changed': { participants: number; table: number | null; tableParticipants: number };
  'results.published': ForumResult;
  'proposal.updated': Proposal;
  reset: { reason: string };
}

/** One live event from `GET /forums/{forumId}/events`, typed by its `type`. */
export type LiveEvent = {
  [T in LiveEventType]: Omit<Schemas['LiveEvent'], 'type' | 'data'> & {
    type: T;
    data: LiveEventData[T];
  };
}[LiveEventType];
