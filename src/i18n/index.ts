export { ko } from './ko.js';
export { en } from './en.js';
export type { Messages, LocaleCode } from './messages.js';
export * from './format.js';
export {
  LocalizeController,
  errorMessage,
  messagesFor,
  nearestLang,
  registerMessages,
  resolveLocale,
  type LocalizeOptions,
} from './localize.js';
