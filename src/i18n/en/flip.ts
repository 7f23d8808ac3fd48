/** English messages for <cvv-flip>. */
export const flipMessages = {} as const;
