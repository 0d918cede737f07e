/** TEST SUPPORT — the meta of a marker read back, through its kind's validator (`<kind>MarkerOf`). */
import type { Result } from "../../src/core/problem";

/** The checked meta; a marker the validator refuses fails the test with its reason. */
export function checkedMeta<M>(marker: Result<{ readonly meta: M }>): M {
  if (!marker.ok) throw new Error(`marker refused: ${marker.problem.message.en}`);
  return marker.value.meta;
}
