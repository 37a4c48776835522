package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.Rejection;
import io.mip.ledger.TestStream;
import io.mip.ledger.evm.internal.EthAccount;
import io.mip.ledger.evm.internal.MipLedgerContract;
import io.mip.ledger.evm.internal.Rpc;
import io.mip.ledger.evm.internal.Transactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** EvmLedger behaviour beyond the conformance suite, on a local anvil node. */
@Tag("slow")
class EvmLedgerTest {
  @TempDir static Path tmp;
  private static AnvilNode anvil;
  private static final Ed25519PublicKey GOVERNANCE = Ed25519PrivateKey.generate().publicKey();

  @BeforeAll
  static void startAnvil() {
    anvil = AnvilNode.start(tmp.resolve("anvil"));
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  /** Deploys a contract (admin: account 0) and allows the given dev accounts to write. */
  static String contract(int... writers) {
    String c = EvmLedger.deploy(anvil.rpc(), anvil.keyFile(0));
    for (int w : writers) {
      EvmAdmin.setWriter(
          anvil.rpc(), anvil.keyFile(0), c, EvmAdmin.address(anvil.keyFile(w)), true);
    }
    return c;
  }

  static EvmConfig config(String contract, Path keyFile) {
    return EvmConfig.of(anvil.rpc(), contract, keyFile, GOVERNANCE)
        .withPollInterval(Duration.ofMillis(10))
        .withSubmitTimeout(Duration.ofSeconds(30));
  }

  private static long contractSequence(String contract) throws IOException {
    try (Rpc rpc = new Rpc(anvil.rpc())) {
      return MipLedgerContract.decodeUint(
          rpc.call(contract, contract, MipLedgerContract.sequence()));
    }
  }

  @Test
  void submit_fromAccountNotAllowed_refusedAndNothingAppended()
      throws IOException, InterruptedException {
    String c = contract(1);
    Path stranger = anvil.keyFile(2);
    try (EvmLedger ledger = EvmLedger.open(config(c, stranger), List.of())) {
      assertThatThrownBy(() -> ledger.submit(TestStream.create().next()))
          .isInstanceOf(LedgerException.class)
          .hasMessageContaining("not an allowed writer");
      assertThat(ledger.size()).isZero();
    }
    String call =
        MipLedgerContract.append("s", List.of(TestStream.create().next().canonicalBytes()));
    try (Transactor t = new Transactor(anvil.rpc(), EthAccount.fromKeyFile(stranger))) {
      assertThatThrownBy(() -> t.send(c, call)).hasMessageContaining("NotWriter");
      // bypass every client-side check: the contract itself reverts, and emits nothing
      EthAccount acct = EthAccount.fromKeyFile(stranger);
      long nonce = t.rpc().nonce(acct.address(), true);
      EthAccount.SignedTx tx = acct.sign(AnvilNode.CHAIN_ID, nonce, 500_000, c, call);
      t.rpc().sendRaw(tx.rawHex());
      TransactionReceipt r = awaitReceipt(t.rpc(), tx.hash());
      assertThat(r.isStatusOK()).isFalse();
      assertThat(r.getLogs()).isEmpty();
    }
    assertThat(contractSequence(c)).isZero();
    try (EvmLedger reader = EvmLedger.open(config(c, null), List.of())) {
      assertThat(reader.size()).isZero();
    }
  }

  private static TransactionReceipt awaitReceipt(Rpc rpc, String hash)
      throws IOException, InterruptedException {
    for (int i = 0; i < 200; i++) {
      var r = rpc.receipt(hash);
      if (r.isPresent()) {
        return r.get();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no receipt for " + hash);
  }

  @Test
  void readerJoiningLate_replaysToTheSameStateAndDropsWhatDoesNotVerify() {
    String c = contract(1);
    Path writer = anvil.keyFile(1);
    TestStream a = TestStream.create();
    TestStream b = TestStream.create();
    Operation a1 = a.next();
    Operation a2 = a.next();
    Operation fork = a.withPrev(a1.id());
    Operation forged = TestStream.signedByStranger(b.next());
    List<LedgerEntry> seen;
    try (EvmLedger ledger = EvmLedger.open(config(c, writer), List.of())) {
      ledger.submitAll(List.of(a1, a2));
      // written straight to the contract, past the ledger's own checks: a fork of stream a, an
      // exact duplicate, a forged signature, bytes that are not an operation, and an operation
      // filed under another stream's topic
      try (Transactor t = new Transactor(anvil.rpc(), EthAccount.fromKeyFile(writer))) {
        t.send(
            c,
            MipLedgerContract.appendBatch(
                List.of(a.id(), a.id(), b.id(), b.id(), b.id()),
                List.of(
                    fork.canonicalBytes(),
                    a2.canonicalBytes(),
                    forged.canonicalBytes(),
                    "not json".getBytes(StandardCharsets.UTF_8),
                    a.next().canonicalBytes())));
      }
      Operation b1 = TestStream.create().next();
      assertThat(ledger.submit(b1).status()).isEqualTo(Admission.Status.ACCEPTED);
      seen = ledger.since(0, 100);
      assertThat(seen)
          .extracting(e -> e.operation().id())
          .containsExactly(a1.id(), a2.id(), b1.id());
      assertThat(seen.get(2).receipt().sequence()).isEqualTo(3);
    }
    try (EvmLedger late = EvmLedger.open(config(c, null), List.of())) {
      assertThat(late.since(0, 100)).isEqualTo(seen);
      assertThat(late.stream(a.id())).hasSize(2);
      assertThat(late.find(forged.id())).isEmpty();
      assertThat(late.governanceKey()).isEqualTo(GOVERNANCE);
      assertThat(late.writerAddress()).isEmpty();
      assertThatThrownBy(() -> late.submit(TestStream.create().next()))
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void twoNodesRacingOnOneStream_oneBranchWinsAndBothAgree()
      throws InterruptedException, ExecutionException {
    String c = contract(1, 2);
    try (EvmLedger n1 = EvmLedger.open(config(c, anvil.keyFile(1)), List.of());
        EvmLedger n2 = EvmLedger.open(config(c, anvil.keyFile(2)), List.of())) {
      TestStream s = TestStream.create();
      Operation root = s.next();
      n1.submit(root);
      awaitSize(n2, 1);
      Operation left = s.withPrev(root.id());
      Operation right = s.withPrev(root.id());
      CompletableFuture<Admission> l = CompletableFuture.supplyAsync(() -> n1.submit(left));
      CompletableFuture<Admission> r = CompletableFuture.supplyAsync(() -> n2.submit(right));
      List<Admission> both = List.of(l.get(), r.get());
      assertThat(both).filteredOn(a -> a.status() == Admission.Status.ACCEPTED).hasSize(1);
      assertThat(both)
          .filteredOn(a -> a.status() == Admission.Status.REJECTED)
          .extracting(a -> a.rejection().reason())
          .containsExactly(Rejection.Reason.BROKEN_CHAIN);
      awaitSize(n1, 2);
      awaitSize(n2, 2);
      assertThat(n2.stream(s.id())).isEqualTo(n1.stream(s.id()));
      assertThat(n2.since(0, 10)).isEqualTo(n1.since(0, 10));
    }
  }

  private static void awaitSize(EvmLedger l, long size) throws InterruptedException {
    for (int i = 0; i < 500 && l.size() < size; i++) {
      Thread.sleep(10);
    }
    assertThat(l.size()).isEqualTo(size);
  }

  @Test
  void submitAll_manyStreams_batchedIntoFewTransactions() {
    String c = contract(1);
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ops.add(TestStream.create().next());
    }
    try (EvmLedger ledger = EvmLedger.open(config(c, anvil.keyFile(1)), List.of())) {
      List<Admission> r = ledger.submitAll(ops);
      assertThat(r).allMatch(a -> a.status() == Admission.Status.ACCEPTED);
      HashSet<Long> blocks = new HashSet<>();
      r.forEach(a -> blocks.add(a.receipt().blockHeight()));
      assertThat(blocks).hasSizeLessThanOrEqualTo(5);
      for (long b : blocks) {
        assertThat(ledger.block(b)).isPresent();
      }
    }
  }

  @Test
  void open_wrongChainOrNoContract_refused() {
    String c = contract();
    EvmConfig base = config(c, null);
    EvmConfig wrongChain =
        new EvmConfig(
            base.rpc(),
            c,
            null,
            GOVERNANCE,
            AnvilNode.CHAIN_ID + 1,
            base.pollInterval(),
            0,
            0,
            base.submitTimeout());
    assertThatThrownBy(() -> EvmLedger.open(wrongChain, List.of()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("chain " + AnvilNode.CHAIN_ID);
    EvmConfig noContract = config("0x" + "12".repeat(20), null);
    assertThatThrownBy(() -> EvmLedger.open(noContract, List.of()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("no contract");
    EvmConfig down = EvmConfig.of(java.net.URI.create("http://127.0.0.1:9"), c, null, GOVERNANCE);
    assertThatThrownBy(() -> EvmLedger.open(down, List.of()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("cannot use the EVM node");
  }
}
