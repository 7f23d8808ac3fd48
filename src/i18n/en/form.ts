/** English messages for <add-card-form>. */
export const formMessages = {} as const;
