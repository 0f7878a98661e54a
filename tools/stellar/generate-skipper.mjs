// Generates Bronze's structural XDR walker (src/Bronze/Stellar/Xdr/XdrSkip.*.g.cs) from the XDR definitions that
// @stellar/stellar-base (pinned in package.json) ships, so Bronze knows exactly the types that reference decoder knows.
// Usage: node tools/stellar/generate-skipper.mjs [output-folder]   (default: src/Bronze/Stellar/Xdr)
// A test regenerates into a temporary folder and compares, so the committed files cannot drift from this script.
//
// The walker skips a value by its structure: fixed-size runs are one bounds-checked skip, variable arrays check their
// count against the bytes left before looping, unions reject an unknown arm, and types that can nest (ScVal,
// SCPQuorumSet, ClaimPredicate...) count their depth. Two counters feed the decoder: every TransactionEnvelope adds a
// transaction, every Transaction/TransactionV0 adds its operations (a fee bump counts its inner transaction's).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "../..");
const outDir = path.resolve(process.argv[2] ?? path.join(root, "src/Bronze/Stellar/Xdr"));
const basePackage = require.resolve("@stellar/stellar-base/package.json", { paths: [here] });
const version = JSON.parse(fs.readFileSync(basePackage, "utf8")).version;
const source = fs.readFileSync(path.join(path.dirname(basePackage), "lib/generated/curr_generated.js"), "utf8");

// Types whose walk Bronze writes by hand (Stellar/Xdr/XdrSkip.Header.cs): the ledger header, because the decoder reads
// its fields and because protocol 28's STELLAR_VALUE_EMPTY_TX_SET arm is newer than the pinned stellar-base.
const handWritten = new Set(["LedgerHeaderHistoryEntry"]);
const roots = ["LedgerCloseMeta"];

// Record the definitions by running the generated module's body against a recorder instead of js-xdr.
const body = source.slice(source.indexOf("XDR.config(function (xdr) {") + "XDR.config(function (xdr) {".length, source.lastIndexOf("});"));
const defs = new Map();
const consts = new Map();
const prim = (kind, extra = {}) => ({ kind, ...extra });
const recorder = {
  typedef: (name, type) => defs.set(name, { kind: "typedef", type }),
  enum: (name, members) => defs.set(name, { kind: "enum", members }),
  struct: (name, fields) => defs.set(name, { kind: "struct", fields }),
  union: (name, spec) => defs.set(name, { kind: "union", ...spec }),
  const: (name, value) => consts.set(name, value),
  lookup: (name) => prim("lookup", { name }),
  int: () => prim("int"), uint: () => prim("int"), bool: () => prim("int"), float: () => prim("int"),
  hyper: () => prim("hyper"), uhyper: () => prim("hyper"), double: () => prim("hyper"),
  void: () => prim("void"),
  opaque: (length) => prim("opaque", { length }),
  varOpaque: (max) => prim("varOpaque", { max }),
  string: (max) => prim("varOpaque", { max }),
  array: (type, length) => prim("array", { type, length }),
  varArray: (type, max) => prim("varArray", { type, max }),
  option: (type) => prim("option", { type }),
};
new Function("xdr", body)(recorder);

const limit = (value) => {
  if (value === undefined || value === 2147483647 || value === 4294967295) return "int.MaxValue";
  if (typeof value === "object") return String(consts.get(value.name));
  return String(value);
};

// Fixed byte size of a type, or null when it varies (unions and options always vary: their tag must be checked).
const sizes = new Map();
function fixedSize(type) {
  switch (type.kind) {
    case "int": return 4;
    case "hyper": return 8;
    case "void": return 0;
    case "opaque": return (Number(limit(type.length)) + 3) & ~3;
    case "array": { const s = fixedSize(type.type); return s === null ? null : s * Number(limit(type.length)); }
    case "lookup": return namedSize(type.name);
    default: return null;
  }
}
function namedSize(name) {
  if (sizes.has(name)) return sizes.get(name);
  sizes.set(name, null); // a type that refers to itself varies
  const def = defs.get(name);
  let size = null;
  if (def.kind === "enum") size = 4;
  else if (def.kind === "typedef") size = fixedSize(def.type);
  else if (def.kind === "struct" && !handWritten.has(name)) {
    size = 0;
    for (const [, type] of def.fields) { const s = fixedSize(type); if (s === null) { size = null; break; } size += s; }
  }
  sizes.set(name, size);
  return size;
}

// Named structs and unions that need a method, reachable from the roots, and which of them sit on a cycle.
const edges = new Map();
function refs(type, out) {
  if (type.kind === "lookup") {
    const def = defs.get(type.name);
    if (def.kind === "typedef") refs(def.type, out);
    else if (def.kind !== "enum" && namedSize(type.name) === null) out.add(type.name);
  } else if (type.type) refs(type.type, out);
}
function visit(name) {
  if (edges.has(name)) return;
  const out = new Set();
  edges.set(name, out);
  const def = defs.get(name);
  if (!handWritten.has(name)) {
    if (def.kind === "struct") for (const [, type] of def.fields) refs(type, out);
    if (def.kind === "union") for (const type of Object.values(def.arms)) refs(type, out);
  }
  for (const next of out) visit(next);
}
roots.forEach(visit);
const cyclic = new Set();
for (const start of edges.keys()) {
  const seen = new Set(), stack = [...edges.get(start)];
  while (stack.length) {
    const n = stack.pop();
    if (n === start) { cyclic.add(start); break; }
    if (!seen.has(n)) { seen.add(n); stack.push(...edges.get(n)); }
  }
}

// Statements that walk one value of a type.
let loopVariable = 0;
function walk(type, depth, lines, indent, counter) {
  const pad = "    ".repeat(indent);
  const fixed = fixedSize(type);
  if (fixed !== null) { if (fixed > 0) lines.push(`${pad}r.Skip(${fixed});`); return; }
  switch (type.kind) {
    case "lookup": {
      const def = defs.get(type.name);
      if (def.kind === "typedef") walk(def.type, depth, lines, indent, counter);
      else lines.push(`${pad}${type.name}(ref r);`);
      return;
    }
    case "varOpaque": lines.push(`${pad}r.SkipOpaque(${limit(type.max)});`); return;
    case "option":
      lines.push(`${pad}if (r.Present())`, `${pad}{`);
      walk(type.type, depth, lines, indent + 1);
      lines.push(`${pad}}`);
      return;
    case "varArray": {
      const element = fixedSize(type.type);
      if (element !== null && counter === undefined) { lines.push(`${pad}r.SkipArray(${element}, ${limit(type.max)});`); return; }
      const n = `n${loopVariable}`, i = `i${loopVariable++}`;
      lines.push(`${pad}int ${n} = r.Count(${limit(type.max)});`);
      if (counter) lines.push(`${pad}r.${counter} += ${n};`);
      lines.push(`${pad}for (int ${i} = 0; ${i} < ${n}; ${i}++)`, `${pad}{`);
      walk(type.type, depth + 1, lines, indent + 1);
      lines.push(`${pad}}`);
      return;
    }
    case "array": {
      const i = `i${loopVariable++}`;
      lines.push(`${pad}for (int ${i} = 0; ${i} < ${limit(type.length)}; ${i}++)`, `${pad}{`);
      walk(type.type, depth + 1, lines, indent + 1);
      lines.push(`${pad}}`);
      return;
    }
    default: throw new Error(`unexpected ${type.kind}`);
  }
}

// Adjacent fixed-size skips merge into one.
function merge(lines) {
  const out = [];
  for (const line of lines) {
    const m = /^(\s*)r\.Skip\((\d+)\);$/.exec(line);
    const last = out.length ? /^(\s*)r\.Skip\((\d+)\);$/.exec(out[out.length - 1]) : null;
    if (m && last && m[1] === last[1]) out[out.length - 1] = `${m[1]}r.Skip(${Number(m[2]) + Number(last[2])});`;
    else out.push(line);
  }
  return out;
}

function method(name) {
  const def = defs.get(name);
  const lines = [`    internal static void ${name}(ref XdrReader r)`, "    {"];
  loopVariable = 0;
  if (cyclic.has(name)) lines.push("        r.Enter();");
  if (name === "TransactionEnvelope") lines.push("        r.TransactionCount++;");
  if (def.kind === "struct") {
    const counted = name === "Transaction" || name === "TransactionV0";
    for (const [field, type] of def.fields) walk(type, 0, lines, 2, counted && field === "operations" ? "OperationCount" : undefined);
  } else {
    const members = def.switchOn.kind === "lookup" ? defs.get(def.switchOn.name).members : null;
    lines.push("        int arm = r.Int32();", "        switch (arm)", "        {");
    for (const [value, arm] of def.switches) {
      const tag = members ? members[value] : value;
      lines.push(`            case ${tag}:`);
      if (typeof arm === "string" && def.arms[arm].kind !== "void") walk(def.arms[arm], 0, lines, 4);
      lines.push("                break;");
    }
    lines.push("            default:", `                throw r.UnknownArm("${name}", arm);`, "        }");
  }
  if (cyclic.has(name)) lines.push("        r.Leave();");
  lines.push("    }");
  return merge(lines);
}

// Methods in definition order (which follows the .x files), split into files of about 250 lines.
const names = [...defs.keys()].filter((n) => edges.has(n) && !handWritten.has(n));
const header = (part) => [
  `// <auto-generated>`,
  `// Generated by tools/stellar/generate-skipper.mjs from the XDR definitions of @stellar/stellar-base ${version}.`,
  `// Do not edit: change the script and run it again (a test fails when this file differs from its output).`,
  `// </auto-generated>`,
  `namespace Bronze.Stellar.Xdr;`,
  ``,
  `/// <summary>Structural walkers of Stellar XDR types, part ${part}.</summary>`,
  `internal static partial class XdrSkip`,
  `{`,
];
fs.mkdirSync(outDir, { recursive: true });
for (const old of fs.readdirSync(outDir).filter((f) => /^XdrSkip\.Part\d+\.g\.cs$/.test(f))) fs.rmSync(path.join(outDir, old));
let part = 1, current = [];
const flush = () => {
  if (!current.length) return;
  const file = path.join(outDir, `XdrSkip.Part${String(part).padStart(2, "0")}.g.cs`);
  fs.writeFileSync(file, [...header(part), ...current.slice(0, -1), "}", ""].join("\n"));
  part++; current = [];
};
for (const name of names) {
  current.push(...method(name), "");
  if (current.length > 250) flush();
}
flush();
console.log(`${names.length} walkers in ${part - 1} files under ${path.relative(root, outDir)} (stellar-base ${version})`);
