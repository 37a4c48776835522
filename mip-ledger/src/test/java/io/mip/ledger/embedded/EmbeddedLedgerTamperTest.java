package io.mip.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.ledger.TestStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Any change to a stored block or operation is named by its block, and open() refuses. */
class EmbeddedLedgerTamperTest {
  @TempDir static Path template;
  @TempDir Path dir;

  /** Writes blocks 1..4 holding one operation each (sequence n in block n), once per class. */
  @BeforeAll
  static void ledgerWithFourBlocks() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(template, List.of())) {
      TestStream s = TestStream.create();
      for (int i = 0; i < 4; i++) {
        ledger.submit(s.next());
      }
      assertThat(ledger.height()).isEqualTo(4);
    }
    assertThat(LedgerVerifier.verify(template).ok()).isTrue();
  }

  /** Copies the closed template ledger (checkpointed into ledger.db) into this test's directory. */
  @BeforeEach
  void copyTemplate() throws IOException {
    for (String f : List.of("ledger.db", "node.key", "governance.key")) {
      Files.copy(template.resolve(f), dir.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
    }
    assertThat(LedgerVerifier.verify(dir).operations()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "blocks.header.10",
        "blocks.header.40",
        "blocks.header.80",
        "blocks.header.120",
        "blocks.header.160",
        "blocks.hash.5",
        "blocks.signature.7",
        "operations.canonical.3",
        "operations.canonical.60",
        "operations.canonical.150",
        "operations.canonical.220",
        "operations.id.9",
        "operations.stream.20"
      })
  void verifyAndOpen_byteFlippedInBlockTwo_namesBlockTwo(String target) throws Exception {
    String[] t = target.split("\\.");
    String where = t[0].equals("blocks") ? "height = 2" : "seq = 2";
    Tamper.flip(dir, t[0], t[1], where, Integer.parseInt(t[2]));
    assertDetectedAtBlockTwo();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE blocks SET time_ms = time_ms + 1 WHERE height = 2",
        "UPDATE operations SET block_height = 3 WHERE seq = 2",
        "DELETE FROM operations WHERE seq = 2",
        "DELETE FROM blocks WHERE height = 2",
        "UPDATE operations SET seq = 20 WHERE seq = 2",
        "UPDATE blocks SET signature = (SELECT signature FROM blocks WHERE height = 3) WHERE height = 2"
      })
  void verifyAndOpen_rowChangedInBlockTwo_namesBlockTwo(String sql) throws Exception {
    Tamper.sql(dir, sql);
    assertDetectedAtBlockTwo();
  }

  private void assertDetectedAtBlockTwo() {
    VerificationReport report = LedgerVerifier.verify(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadBlock()).hasValue(2);
    assertThat(report.problem()).isNotBlank();
    assertThat(report.toText()).contains("block 2");
    assertThatThrownBy(() -> EmbeddedLedger.open(dir, List.of()))
        .isInstanceOfSatisfying(
            LedgerCorruptedException.class, e -> assertThat(e.height()).isEqualTo(2));
  }
}
