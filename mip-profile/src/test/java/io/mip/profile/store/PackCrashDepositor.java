package io.mip.profile.store;

import static io.mip.profile.ProfileFixture.record;

import io.mip.profile.AppProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.RecordId;
import io.mip.profile.TestParty;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link PackStoreCrashTest}: a node's profile side on the embedded store
 * (pack blobs, SQLite index) in {@code args[0]}, with 16 apps threads depositing records for one
 * person until killed; prints {@code OWNER <did>}, {@code READY}, then {@code ACK <record id>} for
 * every deposit the service acknowledged.
 */
final class PackCrashDepositor {
  private PackCrashDepositor() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ProfileFixture f = new ProfileFixture(Path.of(args[0]));
    TestParty person = f.person();
    AppProfile clinic = f.appProfile(f.app("clinic"));
    out.println("OWNER " + person.did());
    out.println("READY");
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    for (int t = 0; t < 16; t++) {
      pool.execute(
          () -> {
            while (true) {
              String text = "visit " + n.incrementAndGet() + " " + "x".repeat(700);
              RecordId id = clinic.deposit(person.did(), record("health.visit", text)).value().id();
              synchronized (out) {
                out.println("ACK " + id.value());
              }
            }
          });
    }
    pool.awaitTermination(1, TimeUnit.HOURS);
  }
}
