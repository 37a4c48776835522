package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
  private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path tmp;

  @Test
  void writeNew_newFile_mode600AndNoTemporaryFileLeft() throws IOException {
    Path file = tmp.resolve("a.key");

    SecretFiles.writeNew(file, SECRET);

    assertThat(Files.readAllBytes(file)).isEqualTo(SECRET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).containsExactly(file);
    }
  }

  @Test
  void writeNew_existingFile_refusedAndKept() throws IOException {
    Path file = tmp.resolve("a.key");
    SecretFiles.writeNew(file, SECRET);

    assertThatThrownBy(() -> SecretFiles.writeNew(file, new byte[] {1}))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(SECRET);
  }

  @Test
  void replace_existingFile_replacedWithMode600() throws IOException {
    Path file = tmp.resolve("w.json");
    Files.writeString(file, "old");

    SecretFiles.replace(file, SECRET);

    assertThat(Files.readAllBytes(file)).isEqualTo(SECRET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void createPrivateDirectories_missing_mode700() throws IOException {
    Path dir = tmp.resolve("a/b");

    SecretFiles.createPrivateDirectories(dir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }

  @Test
  void read_ownerOnlyWithinLimit_returnsContent() throws IOException {
    Path file = tmp.resolve("a.key");
    SecretFiles.writeNew(file, SECRET);

    assertThat(SecretFiles.read(file, SECRET.length, "key file")).isEqualTo(SECRET);
  }

  @Test
  void read_groupReadable_refusedNamingTheFileNotTheContent() throws IOException {
    Path file = tmp.resolve("a.key");
    SecretFiles.writeNew(file, SECRET);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> SecretFiles.read(file, 100, "key file"))
        .hasMessageContaining("key file " + file)
        .hasMessageContaining("chmod 600")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  void read_largerThanTheLimit_refused() throws IOException {
    Path file = tmp.resolve("a.key");
    SecretFiles.writeNew(file, SECRET);

    assertThatThrownBy(() -> SecretFiles.read(file, SECRET.length - 1, "secret file"))
        .hasMessageContaining("larger than " + (SECRET.length - 1) + " bytes");
  }
}
