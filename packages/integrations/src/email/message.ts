/** What every transport sends: plain text always (some clients and spam filters need it), HTML optionally. */
export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}
