package io.mip.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.profile.RecordId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob contract on files, plus the file layout. */
class FileBlobStoreTest extends BlobStoreContract {
  @TempDir Path dir;

  @Override
  BlobStore openBlobs() {
    return FileBlobStore.open(dir.resolve("blobs"));
  }

  @Test
  void put_writesOneFileNamedByHexHash_andNoTemporaryLeftover() throws Exception {
    RecordId id = blobs.put(new byte[] {1, 2, 3});
    Path p = ((FileBlobStore) blobs).pathOf(id);
    assertThat(p).exists();
    assertThat(p.getFileName().toString()).matches("[0-9a-f]{64}");
    try (var tmp = Files.list(dir.resolve("blobs").resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
  }
}
