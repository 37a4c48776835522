package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Argon2id;
import io.mip.face.TestModels;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.wallet.TestLedgers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production settings end to end (Argon2id 64 MiB, 3 passes, 1 lane), with the unlock cost
 * printed for docs/passport.md. Slow: each unlock runs the full Argon2id.
 */
@Tag("slow")
class UnlockCostTest {
  @TempDir Path dir;

  @Test
  void unlock_defaultSettings_succeedsAndReportsCost() {
    PassportService service = new PassportService(TestModels.engine(), PassportSettings.DEFAULT);
    Path wallet = dir.resolve("w.passport");
    List<byte[]> unlockFaces = photos("deepface/img5.jpg", "deepface/img6.jpg");
    try (EmbeddedLedger ledger = TestLedgers.open(dir.resolve("ledger"))) {
      long t0 = System.nanoTime();
      var created =
          service.create(
              photos("deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg"),
              "482916".toCharArray(),
              DidRegistry.of(ledger),
              wallet);
      long createMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(created.failure()).isEmpty();

      List<Long> unlockMs = new ArrayList<>();
      List<Long> kdfMs = new ArrayList<>();
      List<Long> kdfCpuMs = new ArrayList<>();
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < 5; i++) {
        long s = System.nanoTime();
        var r = service.unlock(wallet, unlockFaces, "482916".toCharArray());
        unlockMs.add((System.nanoTime() - s) / 1_000_000);
        assertThat(r.failure()).isEmpty();
        long k = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        Argon2id.deriveKey(new byte[6], new byte[16], new byte[32], PassportSettings.DEFAULT_KDF);
        kdfCpuMs.add((threads.getCurrentThreadCpuTime() - c) / 1_000_000);
        kdfMs.add((System.nanoTime() - k) / 1_000_000);
      }
      long mismatch = System.nanoTime();
      service.unlock(
          wallet, photos("deepface/img29.jpg", "deepface/img30.jpg"), "482916".toCharArray());
      long mismatchMs = (System.nanoTime() - mismatch) / 1_000_000;
      System.out.printf(
          "MEASURE create_ms=%d unlock_ms_median=%d argon2id_ms_median=%d argon2id_cpu_ms_median=%d"
              + " face_mismatch_ms=%d cpus=%d load=%.1f%n",
          createMs,
          median(unlockMs),
          median(kdfMs),
          median(kdfCpuMs),
          mismatchMs,
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
