/**
 * The host side of `stdlib` for one call: the families' members by name,
 * and the per-call state they share (journal, events, syscalls, context,
 * manifest, random stream). Pure: no clock, no I/O.
 */

import type { Manifest } from "../../abi/manifest.ts";
import { type CallableInfo, STDLIB, type StdlibFunctionName } from "../../compile/opcodes.ts";
import { InternalError } from "../../errors.ts";
import { bindArguments, bindsAsGiven, bindsPositionally, NO_REST } from "../bind.ts";
import { vmError } from "../failure.ts";
import type { Host } from "../interpreter.ts";
import type { Metered } from "../meter.ts";
import type { Value } from "../values.ts";
import { ABI } from "./abi.ts";
import { ABI_CONTEXT } from "./abi_context.ts";
import { ABI_SHORTHAND } from "./abi_shorthand.ts";
import { PQ_VERIFY } from "./pq_verify.ts";
import { contextValue } from "./context.ts";
import { EVENTS } from "./events.ts";
import { HASH } from "./hash.ts";
import { Journal } from "./journal.ts";
import { RANDOM } from "./random.ts";
import { STORAGE } from "./storage.ts";
import { SYSCALLS } from "./syscalls.ts";
import { credit, TREASURY } from "./treasury.ts";
import type {
  CallContext,
  EmittedEvent,
  HostCall,
  RandomStream,
  StateReader,
  StdlibMember,
  SyscallRecord,
} from "./types.ts";

const MEMBERS: { readonly [K in StdlibFunctionName]: StdlibMember } = {
  ...STORAGE,
  ...EVENTS,
  ...HASH,
  ...ABI,
  ...ABI_CONTEXT,
  ...ABI_SHORTHAND,
  ...PQ_VERIFY,
  ...TREASURY,
  ...RANDOM,
  ...SYSCALLS,
};

function isFunctionName(name: string): name is StdlibFunctionName {
  return Object.hasOwn(MEMBERS, name);
}

/** Each stdlib id's table entry and, for a function, its implementation; resolved once. */
const BY_ID: readonly ({ info: CallableInfo; run: StdlibMember | null } | null)[] = STDLIB.map(
  (info) => {
    if (info === null) return null;
    if (info.sig === null) return { info, run: null };
    if (!isFunctionName(info.name)) {
      throw new InternalError(`stdlib ${info.name} has no implementation`);
    }
    return { info, run: MEMBERS[info.name] };
  },
);

/**
 * Stdlib function `id` for a call site with `count` positional arguments
 * and no keywords, when they bind to it as given: the site can begin it and
 * run it on a CallHost with its arguments as they are, which is all
 * {@link CallHost.call} does for them. Null otherwise (a value, or a call
 * that needs binding).
 */
export function directStdlib(
  id: number,
  count: number,
): { info: CallableInfo; run: StdlibMember } | null {
  const member = BY_ID[id];
  if (member === null || member === undefined || member.run === null) return null;
  return bindsPositionally(member.info, count) ? { info: member.info, run: member.run } : null;
}

/** stdlib for one call. */
export class CallHost implements Host, HostCall {
  /** The call's pending writes over the state it reads. */
  readonly journal: Journal;
  /** Events emitted so far, in order. */
  readonly events: EmittedEvent[] = [];
  /** Syscalls made so far, in order. */
  readonly syscalls: SyscallRecord[] = [];
  /** Facts about the call, from the caller. */
  readonly context: CallContext;
  /** The contract's manifest (null: none). */
  readonly manifest: Manifest | null;
  /** The call's random stream. */
  readonly random: RandomStream = { nextBlock: 0, spare: new Uint8Array(0) };

  /** A host reading `state`; a call that carries value credits it to the contract first. */
  constructor(state: StateReader, context: CallContext, manifest: Manifest | null) {
    this.journal = new Journal(state);
    this.context = context;
    this.manifest = manifest;
    if (context.value > 0n) credit(this, context.address, context.value);
  }

  /** Reads stdlib value `id` (charging its cost through `meter`). */
  value(meter: Metered, id: number): Value {
    const member = BY_ID[id];
    if (member === null || member === undefined) throw new InternalError(`no stdlib #${id}`);
    meter.begin(member.info);
    return contextValue(this.context, member.info.name);
  }

  /** Calls stdlib function `id` (binding its arguments and charging its cost through `meter`). */
  call(
    meter: Metered,
    id: number,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value {
    const member = BY_ID[id];
    if (member === null || member === undefined) throw new InternalError(`no stdlib #${id}`);
    meter.begin(member.info);
    if (member.run === null) return vmError("TypeError", `'${member.info.name}' is not callable`);
    if (bindsAsGiven(member.info, args, kwargs)) return member.run(this, meter, args, NO_REST);
    const bound = bindArguments(member.info, args, kwargs);
    return member.run(this, meter, bound.args, bound.rest);
  }
}
