// Builds LedgerCloseMeta test vectors with @stellar/stellar-base (its builders and xdr types), for what the real files
// in shared/data/stellar lack: a v0 ledger (protocol 19, TransactionSet, TX_V0 envelopes), fee bumps, every operation
// type, Soroban calls with deeply nested values, v1 and v2 transaction sets, and protocol 28's STELLAR_VALUE_EMPTY_TX_SET
// header arm. Writes each vector as NAME.xdr and, in expected.json, the columns stellar-base reads from it, which
// Bronze's tests compare with its own decoder. Deterministic: the same stellar-base gives the same files.
// Usage: node tools/stellar/make-vectors.mjs [output-folder]   (default: tests/Bronze.Tests/Stellar/Vectors)
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  Account, Asset, Claimant, Keypair, LiquidityPoolAsset, Networks, Operation, TransactionBuilder, getLiquidityPoolId,
  nativeToScVal, xdr, SorobanDataBuilder, Contract, StrKey,
} from "@stellar/stellar-base";

const here = path.dirname(new URL(import.meta.url).pathname);
const outDir = path.resolve(process.argv[2] ?? path.join(here, "../../tests/Bronze.Tests/Stellar/Vectors"));
const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest();
const key = (i) => Keypair.fromRawEd25519Seed(Buffer.alloc(32, i));
const [alice, bob, carol] = [key(1), key(2), key(3)];
const usd = new Asset("USD", carol.publicKey());
const eur = new Asset("EUR", carol.publicKey());
const contract = new Contract(StrKey.encodeContract(Buffer.alloc(32, 7)));
const balanceId = "00000000" + "ab".repeat(32);
const poolId = getLiquidityPoolId("constant_product", new LiquidityPoolAsset(Asset.native(), usd, 30).getLiquidityPoolParameters()).toString("hex");

// Every classic operation type, in OperationType order (0-23), then the three Soroban ones (24-26) separately.
const classic = [
  Operation.createAccount({ destination: bob.publicKey(), startingBalance: "10" }),
  Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: "1.5" }),
  Operation.pathPaymentStrictReceive({ sendAsset: usd, sendMax: "5", destination: bob.publicKey(), destAsset: eur, destAmount: "4", path: [Asset.native()] }),
  Operation.manageSellOffer({ selling: usd, buying: eur, amount: "3", price: "1.25", offerId: "0" }),
  Operation.createPassiveSellOffer({ selling: eur, buying: usd, amount: "2", price: "0.8" }),
  Operation.setOptions({ homeDomain: "example.org", signer: { ed25519PublicKey: carol.publicKey(), weight: 1 } }),
  Operation.changeTrust({ asset: usd }),
  Operation.allowTrust({ trustor: bob.publicKey(), assetCode: "USD", authorize: 1 }),
  Operation.accountMerge({ destination: bob.publicKey() }),
  Operation.inflation(),
  Operation.manageData({ name: "config", value: "on" }),
  Operation.bumpSequence({ bumpTo: "1234567" }),
  Operation.manageBuyOffer({ selling: eur, buying: usd, buyAmount: "1", price: "1", offerId: "0" }),
  Operation.pathPaymentStrictSend({ sendAsset: eur, sendAmount: "1", destination: bob.publicKey(), destAsset: usd, destMin: "0.5", path: [] }),
  Operation.createClaimableBalance({
    asset: usd, amount: "7",
    claimants: [new Claimant(bob.publicKey(), Claimant.predicateAnd(
      Claimant.predicateNot(Claimant.predicateBeforeAbsoluteTime("1700000000")),
      Claimant.predicateOr(Claimant.predicateUnconditional(), Claimant.predicateBeforeRelativeTime("3600"))))],
  }),
  Operation.claimClaimableBalance({ balanceId }),
  Operation.beginSponsoringFutureReserves({ sponsoredId: bob.publicKey() }),
  Operation.endSponsoringFutureReserves({}),
  Operation.revokeAccountSponsorship({ account: bob.publicKey() }),
  Operation.clawback({ asset: usd, amount: "1", from: bob.publicKey() }),
  Operation.clawbackClaimableBalance({ balanceId }),
  Operation.setTrustLineFlags({ trustor: bob.publicKey(), asset: usd, flags: { authorized: true } }),
  Operation.liquidityPoolDeposit({ liquidityPoolId: poolId, maxAmountA: "10", maxAmountB: "20", minPrice: "0.45", maxPrice: "0.55" }),
  Operation.liquidityPoolWithdraw({ liquidityPoolId: poolId, amount: "5", minAmountA: "1", minAmountB: "2" }),
];

// An ScVal nested `depth` levels: vectors and maps in turn, with every scalar kind at the bottom.
function nested(depth) {
  let value = nativeToScVal([1, "two", true, null, 3n, -4n, Buffer.from("bytes")], {
    type: ["u32", "string", "bool", "void", "u128", "i256", "bytes"],
  });
  for (let i = 0; i < depth; i++) {
    value = i % 2 === 0
      ? xdr.ScVal.scvVec([value, xdr.ScVal.scvSymbol(`level${i}`)])
      : xdr.ScVal.scvMap([new xdr.ScMapEntry({ key: xdr.ScVal.scvU32(i), val: value })]);
  }
  return value;
}

function sorobanData() {
  return new SorobanDataBuilder()
    .setReadOnly([contract.getFootprint()])
    .setReadWrite([xdr.LedgerKey.contractData(new xdr.LedgerKeyContractData({
      contract: contract.address().toScAddress(), key: nested(3), durability: xdr.ContractDataDurability.persistent(),
    }))])
    .setResources(1_000_000, 2_000, 3_000)
    .setResourceFee("50000")
    .build();
}

let sequence = 100n;
function build(operations, { soroban = false } = {}) {
  const builder = new TransactionBuilder(new Account(alice.publicKey(), (sequence++).toString()), {
    fee: "100", networkPassphrase: Networks.TESTNET,
  }).setTimeout(0);
  if (soroban) builder.setSorobanData(sorobanData());
  for (const op of operations) builder.addOperation(op);
  const tx = builder.build();
  tx.sign(alice);
  return tx;
}

// stellar-base's builder writes only v1 envelopes; a TX_V0 one is the same transaction with a bare ed25519 source.
const v0Envelope = (tx) => {
  const v1 = tx.toEnvelope().v1();
  const inner = v1.tx();
  return xdr.TransactionEnvelope.envelopeTypeTxV0(new xdr.TransactionV0Envelope({
    tx: new xdr.TransactionV0({
      sourceAccountEd25519: inner.sourceAccount().ed25519(), fee: inner.fee(), seqNum: inner.seqNum(),
      timeBounds: inner.cond().timeBounds(), memo: inner.memo(), operations: inner.operations(), ext: new xdr.TransactionV0Ext(0),
    }),
    signatures: v1.signatures(),
  }));
};

const feeBump = (inner) => {
  const bump = TransactionBuilder.buildFeeBumpTransaction(bob, "1000", inner, Networks.TESTNET);
  bump.sign(bob);
  return bump.toEnvelope();
};

const sorobanEnvelopes = () => [
  build([Operation.invokeContractFunction({ contract: contract.contractId(), function: "deep", args: [nested(40), nested(1)] })], { soroban: true }).toEnvelope(),
  build([Operation.extendFootprintTtl({ extendTo: 5000 })], { soroban: true }).toEnvelope(),
  build([Operation.restoreFootprint({})], { soroban: true }).toEnvelope(),
  feeBump(build([Operation.invokeContractFunction({ contract: contract.contractId(), function: "bumped", args: [nested(10)] })], { soroban: true })),
];

const operationCount = (e) => e.switch().name === "envelopeTypeTxV0" ? e.v0().tx().operations().length
  : e.switch().name === "envelopeTypeTx" ? e.v1().tx().operations().length
    : e.feeBump().tx().innerTx().v1().tx().operations().length;

// A result per transaction (every operation "bad auth", the simplest valid OperationResult) and empty meta.
function processing(envelopes, v2) {
  return envelopes.map((envelope) => {
    const result = new xdr.TransactionResultPair({
      transactionHash: sha256(envelope.toXDR()),
      result: new xdr.TransactionResult({
        feeCharged: xdr.Int64.fromString("100"),
        result: xdr.TransactionResultResult.txFailed(Array.from({ length: operationCount(envelope) }, () => xdr.OperationResult.opBadAuth())),
        ext: new xdr.TransactionResultExt(0),
      }),
    });
    const meta = xdr.TransactionMeta.fromXDR(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]));
    return v2
      ? new xdr.TransactionResultMetaV1({ ext: new xdr.ExtensionPoint(0), result, feeProcessing: [], txApplyProcessing: meta, postTxApplyFeeProcessing: [] })
      : new xdr.TransactionResultMeta({ result, feeProcessing: [], txApplyProcessing: meta });
  });
}

function header(ledgerSeq, protocol) {
  return new xdr.LedgerHeader({
    ledgerVersion: protocol,
    previousLedgerHash: sha256(Buffer.from(`ledger ${ledgerSeq - 1}`)),
    scpValue: new xdr.StellarValue({
      txSetHash: sha256(Buffer.from(`set ${ledgerSeq}`)),
      closeTime: xdr.Uint64.fromString(String(1_700_000_000 + ledgerSeq * 5)),
      upgrades: [],
      ext: xdr.StellarValueExt.stellarValueSigned(new xdr.LedgerCloseValueSignature({
        nodeId: xdr.PublicKey.publicKeyTypeEd25519(carol.rawPublicKey()), signature: Buffer.alloc(64, 9),
      })),
    }),
    txSetResultHash: Buffer.alloc(32, 1),
    bucketListHash: Buffer.alloc(32, 2),
    ledgerSeq,
    totalCoins: xdr.Int64.fromString("1000000000000000000"),
    feePool: xdr.Int64.fromString(String(ledgerSeq * 1000)),
    inflationSeq: 0,
    idPool: xdr.Uint64.fromString("42"),
    baseFee: 100,
    baseReserve: 5_000_000,
    maxTxSetSize: 1000,
    skipList: [0, 1, 2, 3].map((i) => Buffer.alloc(32, i)),
    ext: new xdr.LedgerHeaderExt(0),
  });
}

const entry = (h) => new xdr.LedgerHeaderHistoryEntry({ hash: sha256(h.toXDR()), header: h, ext: new xdr.LedgerHeaderHistoryEntryExt(0) });
const component = (txs) => xdr.TxSetComponent.txsetCompTxsMaybeDiscountedFee(new xdr.TxSetComponentTxsMaybeDiscountedFee({ baseFee: xdr.Int64.fromString("100"), txes: txs }));
const generalized = (prev, phases) => new xdr.GeneralizedTransactionSet(1, new xdr.TransactionSetV1({ previousLedgerHash: prev, phases }));

function v0Ledger() {
  const h = header(19_000, 19);
  const txs = [
    v0Envelope(build(classic.slice(0, 6))),
    build(classic.slice(6, 12)).toEnvelope(),
    feeBump(build(classic.slice(12, 16))),
  ];
  return new xdr.LedgerCloseMeta(0, new xdr.LedgerCloseMetaV0({
    ledgerHeader: entry(h), txSet: new xdr.TransactionSet({ previousLedgerHash: h.previousLedgerHash(), txes: txs }),
    txProcessing: processing(txs, false), upgradesProcessing: [], scpInfo: [],
  }));
}

function v1Ledger() {
  const h = header(52_000_000, 21);
  const classicTxs = [build(classic).toEnvelope(), feeBump(build(classic.slice(0, 3)))];
  const soroban = sorobanEnvelopes();
  return new xdr.LedgerCloseMeta(1, new xdr.LedgerCloseMetaV1({
    ext: new xdr.LedgerCloseMetaExt(1, new xdr.LedgerCloseMetaExtV1({ ext: new xdr.ExtensionPoint(0), sorobanFeeWrite1Kb: xdr.Int64.fromString("3500") })),
    ledgerHeader: entry(h),
    txSet: generalized(h.previousLedgerHash(), [new xdr.TransactionPhase(0, [component(classicTxs)]), new xdr.TransactionPhase(0, [component(soroban)])]),
    txProcessing: processing([...classicTxs, ...soroban], false), upgradesProcessing: [], scpInfo: [],
    totalByteSizeOfLiveSorobanState: xdr.Uint64.fromString("123456"), evictedKeys: [contract.getFootprint()], unused: [],
  }));
}

function v2Ledger(protocol, ledgerSeq) {
  const h = header(ledgerSeq, protocol);
  const classicTxs = [build(classic.slice(16)).toEnvelope(), feeBump(build([classic[1]]))];
  const soroban = sorobanEnvelopes();
  const parallel = new xdr.ParallelTxsComponent({ baseFee: xdr.Int64.fromString("100"), executionStages: [[soroban.slice(0, 2), soroban.slice(2)], [[soroban[0]]]] });
  const all = [...classicTxs, ...soroban, soroban[0]];
  return new xdr.LedgerCloseMeta(2, new xdr.LedgerCloseMetaV2({
    ext: new xdr.LedgerCloseMetaExt(0), ledgerHeader: entry(h),
    txSet: generalized(h.previousLedgerHash(), [new xdr.TransactionPhase(0, [component(classicTxs)]), new xdr.TransactionPhase(1, parallel)]),
    txProcessing: processing(all, true), upgradesProcessing: [], scpInfo: [],
    totalByteSizeOfLiveSorobanState: xdr.Uint64.fromString("654321"), evictedKeys: [],
  }));
}

function columns(meta) {
  const body = meta.switch() === 0 ? meta.v0() : meta.switch() === 1 ? meta.v1() : meta.v2();
  const e = body.ledgerHeader();
  const h = e.header();
  const envelopes = meta.switch() === 0 ? body.txSet().txes() : body.txSet().v1TxSet().phases().flatMap((p) => p.switch() === 0
    ? p.v0Components().flatMap((c) => c.txsMaybeDiscountedFee().txes())
    : p.parallelTxsComponent().executionStages().flat(2));
  return {
    ledger_sequence: h.ledgerSeq(), ledger_hash: e.hash().toString("hex"), previous_ledger_hash: h.previousLedgerHash().toString("hex"),
    close_time: h.scpValue().closeTime().toString(), protocol_version: h.ledgerVersion(), total_coins: h.totalCoins().toString(),
    fee_pool: h.feePool().toString(), tx_set_hash: h.scpValue().txSetHash().toString("hex"),
    tx_count: envelopes.length, operation_count: envelopes.reduce((s, x) => s + operationCount(x), 0),
  };
}

// Protocol 28's header arm is newer than stellar-base 15.0.0, so it is spliced into the bytes of an arm-1 ledger: the
// proposed value (txSetHash, previousLedgerHash, previousLedgerVersion) goes before the signature, the arm becomes 2, and
// the ledger hash is recomputed. Every column stays what stellar-base read from the arm-1 twin, but the hash.
function emptyTxSetArm(meta) {
  const body = meta.v2();
  const headerXdr = body.ledgerHeader().header().toXDR();
  const armAt = 4 + 32 + 32 + 8 + 4; // ledgerVersion, previousLedgerHash, txSetHash, closeTime, empty upgrades
  if (headerXdr.readUInt32BE(armAt) !== 1) throw new Error("expected the signed arm");
  const proposed = Buffer.concat([sha256(Buffer.from("proposed set")), body.ledgerHeader().header().previousLedgerHash(), Buffer.from([0, 0, 0, 27])]);
  const patched = Buffer.concat([headerXdr.subarray(0, armAt), Buffer.from([0, 0, 0, 2]), proposed, headerXdr.subarray(armAt + 4)]);
  const whole = meta.toXDR();
  const entryAt = 4 + 4; // LedgerCloseMeta arm, LedgerCloseMetaExt arm 0
  const bytes = Buffer.concat([whole.subarray(0, entryAt), sha256(patched), patched, whole.subarray(entryAt + 32 + headerXdr.length)]);
  return { bytes, expected: { ...columns(meta), ledger_hash: sha256(patched).toString("hex") } };
}

fs.mkdirSync(outDir, { recursive: true });
const expected = {};
const write = (name, bytes, columnsOf) => {
  fs.writeFileSync(path.join(outDir, `${name}.xdr`), bytes);
  expected[name] = { ...columnsOf, xdr_byte_length: bytes.length, xdr_sha256: sha256(bytes).toString("hex") };
};
for (const [name, meta] of [["v0-protocol19", v0Ledger()], ["v1-protocol21", v1Ledger()], ["v2-protocol23", v2Ledger(23, 60_000_000)]]) {
  write(name, meta.toXDR(), columns(meta));
}
const p28 = emptyTxSetArm(v2Ledger(28, 70_000_000));
write("v2-protocol28-empty-tx-set-arm", p28.bytes, p28.expected);
fs.writeFileSync(path.join(outDir, "expected.json"), JSON.stringify(expected, null, 2) + "\n");
console.log(`${Object.keys(expected).length} vectors in ${outDir}`);
