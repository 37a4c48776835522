package io.mip.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.OperationId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a stream of submissions loses nothing that was acknowledged. */
class EmbeddedLedgerCrashTest {
  @TempDir Path dir;

  @Test
  void open_afterKillNineMidStream_everyAcknowledgedOperationPresentAndChainVerifies()
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acked = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch enough = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.equals("READY")) {
                    ready.countDown();
                  } else if (line.startsWith("ACK ") && line.length() == 4 + 43) {
                    acked.add(line.substring(4));
                    if (acked.size() >= 1000) {
                      enough.countDown();
                    }
                  }
                }
              } catch (java.io.IOException e) {
                // the child died; what was read is what was acknowledged
              }
            });
    reader.start();
    try {
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
      enough.await(3, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    assertThat(acked).isNotEmpty();
    VerificationReport afterCrash = LedgerVerifier.verify(dir);
    assertThat(afterCrash.ok()).as(afterCrash.toText()).isTrue();
    assertThat(afterCrash.operations()).isGreaterThanOrEqualTo(acked.size());
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      for (String id : acked) {
        assertThat(ledger.find(new OperationId(id))).as("acknowledged %s", id).isPresent();
      }
      assertThat(ledger.size()).isGreaterThanOrEqualTo(acked.size());
    }
    VerificationReport report = LedgerVerifier.verify(dir);
    assertThat(report.ok()).as(report.toText()).isTrue();
  }
}
