// Type-level checks of the React wrappers (never run; `tsc -p test/react` checks them, and
// react.test.ts runs that check). Each `@ts-expect-error` must meet an error, else tsc fails: so a
// wrapper that lost its types (props or events typed `any`) fails the test.
import { createElement, useRef } from 'react';
import {
  HdForumCalendar,
  HdIdeaWall,
  HdProvider,
  HdResultSummary,
  HdSignupForm,
  type HdForumCalendarElement,
  type HdForumCalendarProps,
  type HdForumSelectEvent,
  type HdIdeaWallProps,
  type HdProviderProps,
  type HdResultSummaryProps,
  type HdSignupCompleteEvent,
  type HdSignupFormProps,
} from '../../src/react/index.ts';

export function Typed() {
  const ref = useRef<HdForumCalendarElement>(null);
  ref.current?.refresh();

  // Correct props and handlers: each handler receives its own typed event.
  const onForumSelect = (e: HdForumSelectEvent) => {
    const title: string = e.detail.forum.title;
    const href: string | null = e.detail.href;
    if (href === null) e.preventDefault();
    return title;
  };
  const calendar: HdForumCalendarProps = { ref, view: 'list', month: '2026-12', district: '진접읍', refreshInterval: 0, onForumSelect };
  const signup: HdSignupFormProps = {
    forumId: 'f1',
    apiBase: '/api',
    onSignupSubmit: (e) => e.detail.input,
    onSignupComplete: (e: HdSignupCompleteEvent) => e.detail.code.toUpperCase(),
    onSignupCancel: (e) => e.detail.registrationId,
  };
  const wall: HdIdeaWallProps = {
    forumId: 'f1',
    mode: 'facilitator',
    token: 'hdf_secret',
    table: 3,
    paused: true,
    onIdeaPost: (e) => (e.detail.text.length > 500 ? e.preventDefault() : undefined),
    onIdeaPosted: (e) => e.detail.idea.id,
    onVoteChanged: (e) => e.detail.votesUsed <= e.detail.voteBudget,
    onIdeaWallJoined: (e) => e.detail.table,
  };
  const summary: HdResultSummaryProps = { forumId: 'f1', year: 2026, onResultForumSelect: (e) => e.detail.forumId };
  const provider: HdProviderProps = { apiBase: '/api', locale: 'en', token: undefined };

  // Wrong prop types are rejected.
  // @ts-expect-error `view` is 'month' or 'list'
  const badView: HdForumCalendarProps = { view: 'week' };
  // @ts-expect-error `refreshInterval` is a number of seconds, not a string
  const badInterval: HdForumCalendarProps = { refreshInterval: '60' };
  // @ts-expect-error `table` is a number
  const badTable: HdIdeaWallProps = { table: '3' };
  // @ts-expect-error `mode` is participant, facilitator or projector
  const badMode: HdIdeaWallProps = { mode: 'admin' };
  // @ts-expect-error `year` is a number
  const badYear: HdResultSummaryProps = { year: '2026' };

  // Handlers are typed by their event: a handler for another event's type is rejected…
  // @ts-expect-error onSignupComplete receives HdSignupCompleteEvent, not HdForumSelectEvent
  const badHandler: HdSignupFormProps = { onSignupComplete: (e: HdForumSelectEvent) => e.detail.forum };
  // …so is reading a detail the event does not have…
  // @ts-expect-error hd-forum-select's detail has no `idea`
  const badDetail: HdForumCalendarProps = { onForumSelect: (e) => e.detail.idea };
  // …and an event prop that does not exist.
  // @ts-expect-error the prop is onForumSelect
  const badName: HdForumCalendarProps = { onForumSelected: () => undefined };

  return [
    createElement(HdProvider, provider, createElement(HdForumCalendar, calendar)),
    createElement(HdSignupForm, signup),
    createElement(HdIdeaWall, wall),
    createElement(HdResultSummary, summary),
    [badView, badInterval, badTable, badMode, badYear, badHandler, badDetail, badName],
  ];
}
