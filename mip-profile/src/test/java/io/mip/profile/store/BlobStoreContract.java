package io.mip.profile.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BlobStore} must have. */
abstract class BlobStoreContract {
  BlobStore blobs;

  abstract BlobStore openBlobs() throws Exception;

  @BeforeEach
  void open() throws Exception {
    blobs = openBlobs();
  }

  @AfterEach
  void close() {
    if (blobs != null) { // null when the store could not be opened (a skipped PostgreSQL test)
      blobs.close();
    }
  }

  @Test
  void put_thenGet_returnsBytesUnderTheirHash() {
    byte[] b = "ciphertext".getBytes(StandardCharsets.UTF_8);
    RecordId id = blobs.put(b);
    assertThat(id).isEqualTo(RecordId.of(b));
    assertThat(blobs.get(id)).hasValueSatisfying(v -> assertThat(v).isEqualTo(b));
  }

  @Test
  void put_sameBytesTwice_isIdempotent() {
    byte[] b = {1, 2, 3};
    assertThat(blobs.put(b)).isEqualTo(blobs.put(b));
    assertThat(blobs.get(RecordId.of(b))).isPresent();
  }

  @Test
  void get_unknown_isEmpty() {
    assertThat(blobs.get(RecordId.of(new byte[] {9}))).isEmpty();
  }

  @Test
  void delete_removesAndReportsWhetherPresent() {
    RecordId id = blobs.put(new byte[] {4, 5});
    assertThat(blobs.delete(id)).isTrue();
    assertThat(blobs.get(id)).isEmpty();
    assertThat(blobs.delete(id)).isFalse();
  }

  @Test
  void put_largestRecord_roundTripsAndLargerIsRefused() {
    byte[] max = new byte[ProfileLimits.MAX_CIPHERTEXT_BYTES];
    max[max.length - 1] = 7;
    RecordId id = blobs.put(max);
    assertThat(blobs.get(id).get()).isEqualTo(max);
    assertThatThrownBy(() -> blobs.put(new byte[ProfileLimits.MAX_CIPHERTEXT_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void put_concurrently_allStored() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RecordId>> fs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        byte[] b = ("blob " + i).getBytes(StandardCharsets.UTF_8);
        fs.add(pool.submit(() -> blobs.put(b)));
      }
      for (Future<RecordId> f : fs) {
        assertThat(blobs.get(f.get())).isPresent();
      }
    } finally {
      pool.shutdown();
    }
  }
}
