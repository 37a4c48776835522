package io.mip.profile.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob contract on pack files, plus the pack layout, erasure and recovery. */
class PackBlobStoreTest extends BlobStoreContract {
  @TempDir Path dir;

  @Override
  BlobStore openBlobs() {
    return PackBlobStore.open(dir.resolve("blobs"));
  }

  private PackBlobStore packs() {
    return (PackBlobStore) blobs;
  }

  private PackBlobStore reopen() {
    blobs.close();
    blobs = openBlobs();
    return packs();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(BlobLocation at) throws IOException {
    byte[] all = Files.readAllBytes(at.file());
    return Arrays.copyOfRange(all, (int) at.offset(), (int) at.offset() + at.length());
  }

  @Test
  void put_twoBlobs_storedBackToBackInOnePack() throws IOException {
    RecordId a = blobs.put(bytes("first ciphertext"));
    RecordId b = blobs.put(bytes("second"));
    BlobLocation la = packs().locate(a).orElseThrow();
    BlobLocation lb = packs().locate(b).orElseThrow();
    assertThat(lb.file()).isEqualTo(la.file());
    assertThat(la.file().getFileName().toString()).isEqualTo("pack-00000001.bin");
    assertThat(lb.offset()).isEqualTo(la.offset() + la.length());
    assertThat(read(lb)).isEqualTo(bytes("second"));
    assertThat(Files.size(la.file())).isEqualTo(lb.offset() + lb.length());
  }

  @Test
  void delete_overwritesTheBytesWithZerosInPlace() throws IOException {
    RecordId keep = blobs.put(bytes("kept ciphertext"));
    byte[] secret = bytes("ciphertext to shred");
    RecordId gone = blobs.put(secret);
    BlobLocation at = packs().locate(gone).orElseThrow();
    assertThat(blobs.delete(gone)).isTrue();
    assertThat(read(at)).containsOnly(0);
    assertThat(packs().locate(gone)).isEmpty();
    assertThat(blobs.get(keep)).hasValueSatisfying(v -> assertThat(keep.matches(v)).isTrue());
  }

  @Test
  void get_bytesAlteredInPack_returnedAsFoundAndFailTheirHash() throws IOException {
    RecordId id = blobs.put(bytes("ciphertext"));
    BlobLocation at = packs().locate(id).orElseThrow();
    try (FileChannel ch = FileChannel.open(at.file(), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {'C'}), at.offset());
    }
    assertThat(blobs.get(id)).hasValueSatisfying(v -> assertThat(id.matches(v)).isFalse());
  }

  @Test
  void put_pastThePackLimit_rollsOverToANewPack() {
    blobs.close();
    blobs = PackBlobStore.open(dir.resolve("small"), ProfileLimits.MAX_CIPHERTEXT_BYTES);
    byte[] big = new byte[700_000];
    big[0] = 1;
    byte[] big2 = new byte[700_000];
    big2[0] = 2;
    RecordId a = blobs.put(big);
    RecordId b = blobs.put(big2);
    assertThat(packs().locate(b).orElseThrow().file().getFileName().toString())
        .isEqualTo("pack-00000002.bin");
    assertThat(packs().locate(b).orElseThrow().offset()).isZero();
    blobs.close();
    blobs = PackBlobStore.open(dir.resolve("small"), ProfileLimits.MAX_CIPHERTEXT_BYTES);
    assertThat(blobs.get(a)).hasValue(big);
    assertThat(blobs.get(b)).hasValue(big2);
  }

  @Test
  void open_tornTailAfterLastCommit_truncatedAndNextBlobAppendsThere() throws IOException {
    RecordId a = blobs.put(bytes("acknowledged"));
    BlobLocation at = packs().locate(a).orElseThrow();
    long committed = at.offset() + at.length();
    blobs.close();
    Files.write(at.file(), bytes("appended but never indexed"), StandardOpenOption.APPEND);
    blobs = PackBlobStore.open(dir.resolve("blobs"));
    assertThat(Files.size(at.file())).isEqualTo(committed);
    RecordId b = blobs.put(bytes("next"));
    assertThat(packs().locate(b).orElseThrow().offset()).isEqualTo(committed);
    assertThat(blobs.get(a)).hasValue(bytes("acknowledged"));
    assertThat(blobs.get(b)).hasValue(bytes("next"));
  }

  @Test
  void open_packTheIndexDoesNotKnow_removed() throws IOException {
    blobs.put(bytes("x"));
    blobs.close();
    Path stray = dir.resolve("blobs").resolve("pack-00000002.bin");
    Files.write(stray, bytes("a pack created by a group that never committed"));
    blobs = PackBlobStore.open(dir.resolve("blobs"));
    assertThat(stray).doesNotExist();
    RecordId y = blobs.put(bytes("y"));
    assertThat(packs().locate(y).orElseThrow().file().getFileName().toString())
        .isEqualTo("pack-00000001.bin");
  }

  @Test
  void open_packsWithoutTheirIndex_refusedAndPacksKept() throws IOException {
    RecordId id = blobs.put(bytes("x"));
    Path pack = packs().locate(id).orElseThrow().file();
    blobs.close();
    for (String name : List.of("packs.db", "packs.db-wal", "packs.db-shm")) {
      Files.deleteIfExists(dir.resolve("blobs").resolve(name));
    }
    assertThatThrownBy(() -> PackBlobStore.open(dir.resolve("blobs")))
        .isInstanceOf(ProfileStoreException.class)
        .hasMessageContaining("no index");
    assertThat(pack).exists();
    Files.delete(pack);
    blobs = openBlobs();
  }

  @Test
  void reopen_keepsEveryBlob() {
    RecordId a = blobs.put(bytes("a"));
    RecordId b = blobs.put(bytes("b"));
    blobs.delete(a);
    reopen();
    assertThat(blobs.get(a)).isEmpty();
    assertThat(blobs.get(b)).hasValue(bytes("b"));
  }

  @Test
  void open_legacyBlobFiles_movedIntoPacksAndFilesShredded() throws IOException {
    blobs.close();
    Path legacyDir = dir.resolve("legacy");
    RecordId old;
    Path file;
    try (FileBlobStore legacy = FileBlobStore.open(legacyDir)) {
      old = legacy.put(bytes("written by the file store"));
      file = legacy.pathOf(old);
    }
    blobs = PackBlobStore.open(legacyDir);
    assertThat(blobs.get(old)).hasValue(bytes("written by the file store"));
    assertThat(file).doesNotExist();
    assertThat(file.getParent()).doesNotExist();
    assertThat(legacyDir.resolve("tmp")).doesNotExist();
  }
}
