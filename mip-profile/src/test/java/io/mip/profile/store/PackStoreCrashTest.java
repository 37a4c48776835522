package io.mip.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of concurrent deposits loses nothing that was acknowledged: after restart
 * every acknowledged record has its metadata, its wrapped key and ciphertext that hashes to its id;
 * torn pack tails are cut back to what the index recorded, and the store takes new blobs.
 */
class PackStoreCrashTest {
  @TempDir Path dir;

  @Test
  void open_afterKillNineMidDeposits_everyAcknowledgedRecordPresentAndVerifies() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PackCrashDepositor.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acked = new CopyOnWriteArrayList<>();
    AtomicReference<String> owner = new AtomicReference<>();
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
                  if (line.startsWith("OWNER ")) {
                    owner.set(line.substring(6));
                  } else if (line.equals("READY")) {
                    ready.countDown();
                  } else if (line.startsWith("ACK ") && line.length() == 4 + 43) {
                    acked.add(line.substring(4));
                    if (acked.size() >= 500) {
                      enough.countDown();
                    }
                  }
                }
              } catch (IOException e) {
                // the child died; what was read is what was acknowledged
              }
            });
    reader.start();
    try {
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
      enough.await(10, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    assertThat(acked).hasSizeGreaterThan(50);

    try (ProfileStorage storage = ProfileStorage.embedded(dir.resolve("profile"))) {
      for (String value : acked) {
        RecordId id = new RecordId(value);
        RecordMetadata meta = storage.index().records().find(id).orElseThrow();
        assertThat(meta.owner()).isEqualTo(owner.get());
        assertThat(storage.index().records().key(id, owner.get())).as("key of %s", id).isPresent();
        byte[] bytes = storage.blobs().get(id).orElseThrow();
        assertThat(id.matches(bytes)).as("ciphertext of %s", id).isTrue();
        assertThat(bytes).hasSize((int) meta.size());
      }
      assertThat(storage.index().records().byOwner(owner.get()))
          .hasSizeGreaterThanOrEqualTo(acked.size());
      PackBlobStore packs = (PackBlobStore) storage.blobs();
      BlobLocation last = packs.locate(new RecordId(acked.get(acked.size() - 1))).orElseThrow();
      RecordId fresh = storage.blobs().put("after the crash".getBytes(StandardCharsets.UTF_8));
      assertThat(packs.locate(fresh).orElseThrow().file()).isEqualTo(last.file());
      assertThat(storage.blobs().get(fresh)).isPresent();
    }
    try (Stream<Path> packs = Files.list(dir.resolve("profile").resolve("blobs"))) {
      assertThat(packs.filter(p -> p.getFileName().toString().endsWith(".bin"))).hasSize(1);
    }
  }
}
