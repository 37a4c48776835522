package io.mip.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Operation;
import io.mip.ledger.embedded.LedgerVerifier;
import io.mip.ledger.embedded.VerificationReport;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a node killed with SIGKILL while DIDs are being created loses none it confirmed
 * (201), and its ledger still verifies.
 */
@Tag("slow")
class KillNineTest {
  private static final int DIDS = 1000;
  private static final int KILL_AFTER = 400;
  private static final int CLIENTS = 8;

  @TempDir Path data;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private int post(String url, Operation op) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url + "/ledger/operations"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(op.canonicalBytes()))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private int resolve(String url, String did) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url + "/1.0/identifiers/" + did)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void sigkillMidStream_everyConfirmedDidSurvivesAndLedgerVerifies() throws Exception {
    List<Operation> creates = new ArrayList<>(DIDS);
    for (int i = 0; i < DIDS; i++) {
      creates.add(
          DidMipOperations.create(
              Ed25519PrivateKey.generate(), X25519PrivateKey.generate().publicKey(), List.of()));
    }
    Set201 confirmed = new Set201();
    AtomicInteger failed = new AtomicInteger();

    ChildNode first = ChildNode.start(data);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    for (int c = 0; c < CLIENTS; c++) {
      pool.submit(
          () -> {
            for (int i = next.getAndIncrement(); i < DIDS; i = next.getAndIncrement()) {
              try {
                if (post(first.url(), creates.get(i)) == 201) {
                  confirmed.add(i);
                }
              } catch (IOException e) {
                failed.incrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    while (confirmed.size() < KILL_AFTER && next.get() < DIDS) {
      Thread.sleep(5);
    }
    first.kill();
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    assertThat(confirmed.size()).isGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(failed.get()).as("requests cut off by the kill").isPositive();

    try (ChildNode second = ChildNode.start(data)) {
      for (int i : confirmed.indexes()) {
        String did = DidMipOperations.didOf(creates.get(i));
        assertThat(resolve(second.url(), did)).as(did).isEqualTo(200);
      }
      int resubmitted = 0;
      for (int i = 0; i < DIDS; i++) {
        if (!confirmed.contains(i)) {
          assertThat(post(second.url(), creates.get(i))).isIn(201, 409);
          resubmitted++;
        }
      }
      assertThat(resubmitted).isEqualTo(DIDS - confirmed.size());
    }

    VerificationReport report = LedgerVerifier.verify(NodeConfig.ledgerDir(data));
    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.operations()).isEqualTo(DIDS);
  }

  /** Indexes whose creation got 201. */
  private static final class Set201 {
    private final ConcurrentHashMap<Integer, Boolean> map = new ConcurrentHashMap<>();

    void add(int i) {
      map.put(i, true);
    }

    boolean contains(int i) {
      return map.containsKey(i);
    }

    int size() {
      return map.size();
    }

    List<Integer> indexes() {
      return List.copyOf(map.keySet());
    }
  }
}
