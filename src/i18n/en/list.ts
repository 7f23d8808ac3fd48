/** English messages for <card-list>. */
export const listMessages = {} as const;
