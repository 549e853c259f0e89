/**
 * Time and gas per call of the example contracts' functions
 * (`deno task bench:gas`; the cases are in ./examples_gas_cases.ts). Each
 * iteration is reverted afterwards, so every one runs on the same state;
 * GasBench prints the gas table after the timing table.
 */

import { GasBench } from "../testing.ts";
import { exampleGasCases } from "./examples_gas_cases.ts";

const gas = new GasBench("gas per call, examples");
const { chain, cases } = exampleGasCases();
for (const { name, group, call } of cases) gas.bench(name, call, { group, reset: chain });
