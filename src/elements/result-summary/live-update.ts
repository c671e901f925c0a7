/**
 * What `<hd-result-summary>` does with a live event about its forum's results: the results just
 * published, or a proposal the city answered or moved on. Such events are rare (a forum's page is
 * mostly read long after), so this is a chunk of its own, fetched with the first one; and, once
 * an event was applied, how a result fetched meanwhile keeps it. Its words live here, in both
 * languages.
 */
import type { ForumResult, LiveEvent } from '../../api/types.js';

const ko = {
  published: '결과가 공개되었습니다.',
  updated: (title: string) => `시 답변이 바뀌었습니다: ${title}`,
};
const en: typeof ko = {
  published: 'The results have been published.',
  updated: (title) => `The city’s answer changed: ${title}`,
};

export type ResultEvent = Extract<LiveEvent, { type: 'results.published' | 'proposal.updated' }>;

/** The result after the event, and what to announce; undefined when there is nothing to change. */
export function apply(shown: ForumResult | undefined, event: ResultEvent, locale: string): [ForumResult, string] | undefined {
  const words = locale === 'en' ? en : ko;
  if (event.type === 'results.published') return [event.data, words.published];
  const updated = event.data;
  const proposals = shown?.proposals.map((proposal) => (proposal.id === updated.id ? updated : proposal));
  return shown && proposals && [{ ...shown, proposals }, words.updated(updated.title)];
}

/** A fetched result, keeping any proposal a live event already moved further (its timeline is longer). */
export function keepNewer(fetched: ForumResult, shown: ForumResult | undefined): ForumResult {
  if (!shown || shown.forumId !== fetched.forumId) return fetched;
  const proposals = fetched.proposals.map((proposal) => {
    const live = shown.proposals.find((other) => other.id === proposal.id);
    return live && live.timeline.length > proposal.timeline.length ? live : proposal;
  });
  return { ...fetched, proposals };
}
