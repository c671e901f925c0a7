import type { ko } from './ko.js';

/** The typed message interface: the shape of `ko.ts`, which every locale must match. */
export type Messages = typeof ko;

/** Locales shipped with the widgets. */
export type LocaleCode = 'ko' | 'en';
