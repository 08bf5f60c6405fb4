/** Imported last by `all_test.ts`: registers the tests that await the pool, after all others (testing/last_pass.ts). */
import { registerHeldTests } from "./last_pass.ts";

registerHeldTests();
