/// <reference types="mocha" />
// Browser tests run under @web/test-runner with mocha globals (describe, it, before…).
export {};
