// An independent decoder for Bronze's tests: reads LedgerCloseMeta XDR with @stellar/stellar-base (pinned in
// package.json) and prints what Bronze derives from each ledger, so the tests can compare every column.
// Input (stdin): LedgerCloseMeta values, each preceded by a 4-byte big-endian record mark (0x80000000 | length), the
// framing of stellar-core's meta streams. Output (stdout): one JSON object per ledger, in order.
import crypto from "node:crypto";
import { xdr } from "@stellar/stellar-base";

const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

function operationCount(envelope) {
  switch (envelope.switch().name) {
    case "envelopeTypeTxV0": return envelope.v0().tx().operations().length;
    case "envelopeTypeTx": return envelope.v1().tx().operations().length;
    case "envelopeTypeTxFeeBump": return envelope.feeBump().tx().innerTx().v1().tx().operations().length;
    default: throw new Error(`unknown envelope ${envelope.switch().name}`);
  }
}

function envelopes(meta) {
  if (meta.switch() === 0) return meta.v0().txSet().txes();
  const body = meta.switch() === 1 ? meta.v1() : meta.v2();
  const all = [];
  for (const phase of body.txSet().v1TxSet().phases()) {
    if (phase.switch() === 0) {
      for (const component of phase.v0Components()) all.push(...component.txsMaybeDiscountedFee().txes());
    } else {
      for (const stage of phase.parallelTxsComponent().executionStages()) for (const cluster of stage) all.push(...cluster);
    }
  }
  return all;
}

function describe(bytes) {
  const meta = xdr.LedgerCloseMeta.fromXDR(bytes);
  const body = meta.switch() === 0 ? meta.v0() : meta.switch() === 1 ? meta.v1() : meta.v2();
  const entry = body.ledgerHeader();
  const header = entry.header();
  const txs = envelopes(meta);
  return {
    version: meta.switch(),
    ledger_sequence: header.ledgerSeq(),
    ledger_hash: entry.hash().toString("hex"),
    header_sha256: sha256(header.toXDR()),
    previous_ledger_hash: header.previousLedgerHash().toString("hex"),
    close_time: header.scpValue().closeTime().toString(),
    protocol_version: header.ledgerVersion(),
    total_coins: header.totalCoins().toString(),
    fee_pool: header.feePool().toString(),
    tx_set_hash: header.scpValue().txSetHash().toString("hex"),
    tx_count: txs.length,
    operation_count: txs.reduce((sum, e) => sum + operationCount(e), 0),
    tx_processing_count: body.txProcessing().length,
    xdr_byte_length: bytes.length,
    xdr_sha256: sha256(bytes),
    reencoded_equal: Buffer.compare(meta.toXDR(), bytes) === 0,
  };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = Buffer.concat(chunks);
const lines = [];
for (let at = 0; at < input.length;) {
  const length = input.readUInt32BE(at) & 0x7fffffff;
  lines.push(JSON.stringify(describe(input.subarray(at + 4, at + 4 + length))));
  at += 4 + length;
}
process.stdout.write(lines.join("\n") + (lines.length ? "\n" : ""));
