/**
 * The widget's own UI strings. They come with the config in the visitor's language (`data-locale`, else the
 * bot's appearance.locale; en, es, fr, de) so the bundle carries no translation tables; the tables live in
 * @frontdesk/core (widget-strings.ts). `rateLimited` has `{s}` for the seconds to wait.
 */
export interface Strings {
  openChat: string;
  closeChat: string;
  minimize: string;
  message: string;
  placeholder: string;
  send: string;
  retry: string;
  sources: string;
  untitled: string;
  offline: string;
  newChat: string;
  talkToPerson: string;
  waiting: string;
  operator: string;
  rateLimited: string;
  name: string;
  email: string;
  phone: string;
  thanks: string;
  suggestions: string;
  helpful: string;
  notHelpful: string;
}
