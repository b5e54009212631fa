// The least any run of ours can spend on a CSV ledger before it maps a field, stores a line or
// runs a rule: read the file, decode it, and let papaparse (the CSV parser of our stack) split it
// into rows, in one thread, doing nothing with the rows. `npm run bench` prints it beside the
// pandas reference, whose whole run (read, parse, three checks) it is to be compared with.
//
//   node test/bench/parser-floor.mjs test/bench/data/synthetic-1000000.csv
//
// Prints one JSON line: {"readMs", "decodeMs", "parseMs", "rows"}.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const path = process.argv[2];
if (!path) throw new Error('usage: node test/bench/parser-floor.mjs FILE');
const t0 = performance.now();
const bytes = readFileSync(path);
const t1 = performance.now();
const text = bytes.toString('utf8');
const t2 = performance.now();
let rows = 0;
// step: one row at a time, as the importer takes them (no array of a million rows kept).
Papa.parse(text, { step: () => { rows++; } });
const t3 = performance.now();
console.log(JSON.stringify({ readMs: Math.round(t1 - t0), decodeMs: Math.round(t2 - t1), parseMs: Math.round(t3 - t2), rows }));
