package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.TestStream;
import io.mip.ledger.evm.internal.MipLedgerContract;
import io.mip.ledger.evm.internal.Rpc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPC node restarted (three times) while operations are being written: nothing lost, nothing
 * doubled. anvil writes its state file while it goes on mining, so a restart can lose the newest
 * blocks (a reorganisation for the reader) and can keep the contract's counter and the account's
 * nonce of transactions whose blocks and events it lost (a gap); the ledger must repair both.
 */
@Tag("slow")
class EvmLedgerRestartTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 40;
  private static final int RESTARTS = 3;

  @TempDir Path tmp;

  @Test
  void nodeRestartedMidStream_everyOperationAdmittedExactlyOnce()
      throws IOException, InterruptedException, ExecutionException {
    try (AnvilNode anvil = AnvilNode.start(tmp.resolve("anvil"))) {
      Path admin = anvil.keyFile(0);
      Path writer = anvil.keyFile(1);
      EvmAdmin.Deployment d = EvmAdmin.deployContract(anvil.rpc(), admin);
      String c = d.address();
      EvmAdmin.setWriter(anvil.rpc(), admin, c, EvmAdmin.address(writer), true);
      EvmConfig config =
          EvmConfig.of(anvil.rpc(), c, writer, Ed25519PrivateKey.generate().publicKey())
              .withPollInterval(Duration.ofMillis(10))
              .withSubmitTimeout(Duration.ofSeconds(90))
              .withChainId(AnvilNode.CHAIN_ID)
              .withFromBlock(d.block());
      List<List<Operation>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        TestStream s = TestStream.create();
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
          ops.add(s.next());
        }
        work.add(ops);
      }
      List<LedgerEntry> written;
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
        List<Future<List<Admission>>> results = new ArrayList<>();
        for (List<Operation> ops : work) {
          results.add(
              pool.submit(
                  () -> {
                    List<Admission> out = new ArrayList<>();
                    for (Operation op : ops) {
                      out.add(ledger.submit(op));
                    }
                    return out;
                  }));
        }
        for (int quarter = 1; quarter <= RESTARTS; quarter++) {
          while (ledger.size() < THREADS * PER_THREAD * quarter / (RESTARTS + 1)) {
            Thread.sleep(5);
          }
          anvil.restart();
        }
        for (Future<List<Admission>> f : results) {
          assertThat(f.get()).allMatch(a -> a.status() == Admission.Status.ACCEPTED);
        }
        written = ledger.since(0, 10_000);
        assertThat(written).hasSize(THREADS * PER_THREAD);
        assertThat(new HashSet<>(ids(written))).hasSize(THREADS * PER_THREAD);
        for (List<Operation> ops : work) {
          assertThat(ids(ledger.stream(ops.get(0).stream()))).containsExactlyElementsOf(ids(ops));
        }
      } finally {
        pool.shutdownNow();
      }
      try (EvmLedger late = EvmLedger.open(config.withKeyFile(null), List.of())) {
        assertThat(late.since(0, 10_000)).isEqualTo(written);
      }
      try (Rpc rpc = new Rpc(anvil.rpc())) {
        long onChain = MipLedgerContract.decodeUint(rpc.call(c, c, MipLedgerContract.sequence()));
        // a re-sent operation may appear twice on the chain; readers count it once
        assertThat(onChain).isGreaterThanOrEqualTo(THREADS * PER_THREAD);
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
