/**
 * The meter a builtin, method or stdlib member runs under: the machine's
 * dynamic gas, plus `units`, which pays the running callable's own rate as
 * declared in spec/opcodes_vm_py.yaml (so no implementation writes a rate).
 */

import type { CallableInfo } from "../compile/opcodes.ts";
import type { Meter } from "./ops.ts";

/** The meter of one builtin, method or stdlib call. */
export interface Charge extends Meter {
  /**
   * Charges the running callable's declared `per × count`, before the work
   * it measures; a callable that declares no dynamic cost cannot call it
   * (InternalError), so the table and the code cannot disagree silently.
   */
  units(count: number): void;
  /** The gas the call may still use: a charge of more fails. */
  gasLeft(): number;
}

/** The machine side of a Charge: starts a callable, charging its base and setting its rate. */
export interface Metered extends Charge {
  /** Charges `info.base` and makes `units` pay `info.dynamic` until the next begin. */
  begin(info: CallableInfo): void;
}
