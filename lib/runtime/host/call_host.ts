/**
 * The host side of `stdlib` for one call: the families' members by name,
 * and the per-call state they share (journal, events, syscalls, context,
 * manifest, random stream). Pure: no clock, no I/O.
 */

import type { Manifest } from "../../abi/manifest.ts";
import { vmError } from "../failure.ts";
import type { Host } from "../interpreter.ts";
import type { Meter } from "../ops.ts";
import type { Value } from "../values.ts";
import { ABI } from "./abi.ts";
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
  StateReader,
  StdlibMember,
  SyscallRecord,
} from "./types.ts";

const MEMBERS: Readonly<Record<string, StdlibMember>> = {
  ...STORAGE,
  ...EVENTS,
  ...HASH,
  ...ABI,
  ...TREASURY,
  ...RANDOM,
  ...SYSCALLS,
};

/** stdlib for one call. */
export class CallHost implements Host, HostCall {
  readonly journal: Journal;
  readonly events: EmittedEvent[] = [];
  readonly syscalls: SyscallRecord[] = [];
  readonly context: CallContext;
  readonly manifest: Manifest | null;
  #randomBlocks = 0;

  constructor(state: StateReader, context: CallContext, manifest: Manifest | null) {
    this.journal = new Journal(state);
    this.context = context;
    this.manifest = manifest;
    if (context.value > 0n) credit(this, context.address, context.value);
  }

  nextRandomBlock(): number {
    return this.#randomBlocks++;
  }

  value(name: string): Value {
    return contextValue(this.context, name);
  }

  call(
    name: string,
    meter: Meter,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value {
    if (kwargs.size > 0 && name !== "storage.get_int") {
      vmError("TypeError", `${name}() takes no keyword arguments`);
    }
    const member = MEMBERS[name];
    if (member === undefined) {
      return vmError("NotImplementedError", `${name} is not implemented by this VM yet`);
    }
    return member(this, meter, args, kwargs);
  }
}
