/** Test and prototyping helpers: an in-browser mock of the host endpoint and token endpoint. */
export { MockHost, mockAddress, mockCard } from './mock-host.js';
export type { Fault, Hold, MockCard, MockHostOptions, RecordedRequest, RequestMatch } from './mock-host.js';
