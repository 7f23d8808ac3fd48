/** English messages for the card core's verdicts (validation reasons, decline reasons). */
export const coreMessages = {} as const;
