package io.mip.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir Path dir;

  @Test
  void writeKeyFile_thenRead_sameKeyOwnerOnly() throws IOException {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Path file = dir.resolve("k.key");
    KeyFiles.writeKeyFile(file, key);
    assertThat(KeyFiles.readKeyFile(file).publicKey()).isEqualTo(key.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"kty\":\"OKP\"", "\"crv\":\"Ed25519\"");
    try (var s = Files.list(dir)) {
      assertThat(s).hasSize(1);
    }
  }

  @Test
  void writeKeyFile_existingFile_refusedAndUntouched() throws IOException {
    Path file = dir.resolve("k.key");
    Files.writeString(file, "keep");
    assertThatThrownBy(() -> KeyFiles.writeKeyFile(file, Ed25519PrivateKey.generate()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo("keep");
  }

  @Test
  void readKeyFile_groupReadable_refused() throws IOException {
    Path file = dir.resolve("k.key");
    KeyFiles.writeKeyFile(file, Ed25519PrivateKey.generate());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> KeyFiles.readKeyFile(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void readKeyFile_malformedOrMismatched_refusedWithoutKeyInMessage() throws IOException {
    Ed25519PrivateKey a = Ed25519PrivateKey.generate();
    Path file = dir.resolve("k.key");
    KeyFiles.writeKeyFile(file, a);
    String json = Files.readString(file);
    String d = json.replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
    String otherX =
        io.mip.crypto.Base64Url.encode(Ed25519PrivateKey.generate().publicKey().toBytes());
    String mismatched = json.replaceAll("\"x\":\"[^\"]+\"", "\"x\":\"" + otherX + "\"");
    for (String bad :
        new String[] {
          mismatched,
          "{\"kty\":\"EC\"}",
          "not json",
          "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"AAAA\"}"
        }) {
      Path f = dir.resolve("bad.key");
      Files.deleteIfExists(f);
      Files.write(f, bad.getBytes(StandardCharsets.UTF_8));
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
      assertThatThrownBy(() -> KeyFiles.readKeyFile(f))
          .isInstanceOf(IOException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(d));
    }
  }

  @Test
  void readKeyFile_oversized_refused() throws IOException {
    Path f = dir.resolve("big.key");
    Files.write(f, new byte[5000]);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> KeyFiles.readKeyFile(f)).hasMessageContaining("larger than");
  }
}
