package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.TestStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader repairs what a node restart can do to the chain it serves (see EvmLedgerRestartTest),
 * here made to happen on purpose with anvil's test methods: blocks taken back (a reorganisation)
 * and a contract counter ahead of the events (operations missing from the chain's history).
 */
@Tag("slow")
class EvmLedgerRepairTest {
  @TempDir Path tmp;

  private static EvmConfig setUp(AnvilNode anvil) {
    Path admin = anvil.keyFile(0);
    Path writer = anvil.keyFile(1);
    EvmAdmin.Deployment d = EvmAdmin.deployContract(anvil.rpc(), admin);
    EvmAdmin.setWriter(anvil.rpc(), admin, d.address(), EvmAdmin.address(writer), true);
    return EvmConfig.of(anvil.rpc(), d.address(), writer, Ed25519PrivateKey.generate().publicKey())
        .withPollInterval(Duration.ofMillis(10))
        .withSubmitTimeout(Duration.ofSeconds(60))
        .withFromBlock(d.block());
  }

  @Test
  void submit_blocksWithOwnOperationsTakenBack_rolledBackAndWrittenAgain() {
    try (AnvilNode anvil = AnvilNode.start(tmp.resolve("anvil"))) {
      EvmConfig config = setUp(anvil);
      TestStream s = TestStream.create();
      List<Operation> ops = List.of(s.next(), s.next(), s.next(), s.next(), s.next());
      List<LedgerEntry> written;
      try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
        assertThat(ledger.submit(ops.get(0)).status()).isEqualTo(Admission.Status.ACCEPTED);
        String snapshot = anvil.call("evm_snapshot");
        assertThat(ledger.submit(ops.get(1)).status()).isEqualTo(Admission.Status.ACCEPTED);
        assertThat(ledger.submit(ops.get(2)).status()).isEqualTo(Admission.Status.ACCEPTED);

        assertThat(anvil.call("evm_revert", snapshot)).isEqualTo("true");
        anvil.call("anvil_mine", "\"0x5\"");

        // ops 1 and 2 are gone from the chain; the ledger takes them back and writes them again,
        // before op 3, which chains on them
        assertThat(ledger.submit(ops.get(3)).status()).isEqualTo(Admission.Status.ACCEPTED);
        assertThat(ledger.submit(ops.get(4)).status()).isEqualTo(Admission.Status.ACCEPTED);
        written = ledger.since(0, 100);
        assertThat(ids(written)).containsExactlyElementsOf(ids(ops));
      }
      // what the ledger holds is what the chain holds now
      try (EvmLedger late = EvmLedger.open(config.withKeyFile(null), List.of())) {
        assertThat(late.since(0, 100)).isEqualTo(written);
      }
    }
  }

  @Test
  void submit_counterAheadOfTheEvents_readsAgainThenTakesTheChainAsItIs() {
    try (AnvilNode anvil = AnvilNode.start(tmp.resolve("anvil"))) {
      EvmConfig config = setUp(anvil);
      TestStream s = TestStream.create();
      Operation first = s.next();
      Operation second = s.next();
      List<LedgerEntry> written;
      try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
        assertThat(ledger.submit(first).status()).isEqualTo(Admission.Status.ACCEPTED);
        // the contract now counts an operation whose event no block holds (slot 2: sequence)
        anvil.call(
            "anvil_setStorageAt",
            "\"" + config.contractAddress() + "\"",
            "\"0x2\"",
            "\"0x" + "0".repeat(63) + "2\"");
        long start = System.nanoTime();

        assertThat(ledger.submit(second).status()).isEqualTo(Admission.Status.ACCEPTED);

        // the reader read the gap again for its grace period before taking it
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(Duration.ofMillis(2_500));
        written = ledger.since(0, 100);
        assertThat(ids(written)).containsExactly(first.id(), second.id());
      }
      try (EvmLedger late = EvmLedger.open(config.withKeyFile(null), List.of())) {
        assertThat(late.since(0, 100)).isEqualTo(written);
      }
    }
  }

  private static List<OperationId> ids(List<?> entriesOrOps) {
    List<OperationId> out = new ArrayList<>();
    for (Object o : entriesOrOps) {
      out.add(o instanceof LedgerEntry e ? e.operation().id() : ((Operation) o).id());
    }
    return out;
  }
}
