/** How long an invitation link works, from when it is sent or resent (better-auth's `invitationExpiresIn`). */
export const INVITATION_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60;
