/**
 * Typed handles on the mocha globals Web Test Runner provides. The project has no `@types/mocha`
 * (and the tsconfig sets `types: []`), so rather than declaring globals that could clash with
 * another test folder's declarations, core tests import these.
 */
type Body = () => void | PromiseLike<void>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
}

const mocha = globalThis as unknown as MochaGlobals;

/** mocha's `describe`. */
export const describe = (title: string, body: () => void): void => mocha.describe(title, body);
/** mocha's `it`. */
export const it = (title: string, body: Body): void => mocha.it(title, body);
