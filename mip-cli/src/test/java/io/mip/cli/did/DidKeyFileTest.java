package io.mip.cli.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DidKeyFileTest {
  private static final String DID = "did:mip:FD5Ms5y4H25sNFgLu5BjZZpVxk9dJP5grWZkYDaQeByb";
  @TempDir Path tmp;

  @Test
  void writeRead_rotationSteps_roundTripKeepsKeys() throws IOException {
    KeySet first = KeySet.generate();
    KeySet second = KeySet.generate();
    Path file = tmp.resolve("k/a.json");

    DidKeyFile.of(DID, first).withPending(second).write(file);
    DidKeyFile pending = DidKeyFile.read(file);
    pending.promotePending().write(file);
    DidKeyFile rotated = DidKeyFile.read(file);

    assertThat(pending.pending().orElseThrow().signing().publicKey())
        .isEqualTo(second.signing().publicKey());
    assertThat(rotated.current().signing().publicKey()).isEqualTo(second.signing().publicKey());
    assertThat(rotated.current().agreement().publicKey()).isEqualTo(second.agreement().publicKey());
    assertThat(rotated.previous()).hasSize(1);
    assertThat(rotated.previous().get(0).signing().publicKey())
        .isEqualTo(first.signing().publicKey());
    assertThat(rotated.previous().get(0).retired()).isPresent();
    assertThat(rotated.pending()).isEmpty();
  }

  @Test
  void read_groupReadable_refused() throws IOException {
    Path file = tmp.resolve("a.json");
    DidKeyFile.of(DID, KeySet.generate()).write(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> DidKeyFile.read(file)).hasMessageContaining("chmod 600");
  }

  @Test
  void read_publicKeyNotMatchingSecret_refusedWithoutKeyMaterial() throws IOException {
    Path file = tmp.resolve("a.json");
    DidKeyFile.of(DID, KeySet.generate()).write(file);
    String other = KeySet.generate().signing().publicKey().toMultibase();
    String json = Files.readString(file);
    String mine = json.replaceAll("(?s).*\"signingKey\" : \"([^\"]+)\".*", "$1");
    Files.writeString(file, json.replace(mine, other));

    assertThatThrownBy(() -> DidKeyFile.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("do not match")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("signingSeed\" :"));
  }

  @Test
  void read_oversized_refused() throws IOException {
    Path file = tmp.resolve("a.json");
    Files.write(file, new byte[DidKeyFile.MAX_BYTES + 1]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> DidKeyFile.read(file)).hasMessageContaining("larger than");
  }
}
