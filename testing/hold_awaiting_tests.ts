/** Imported first by `all_test.ts`: the tests that await the pool are held for the last pass (testing/last_pass.ts). */
import { holdAwaitingTests } from "./last_pass.ts";

holdAwaitingTests();
