package io.mip.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Operation;
import io.mip.ledger.TestStream;
import io.mip.ledger.embedded.internal.BlockHeader;
import io.mip.ledger.embedded.internal.Blocks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block re-sealed with the node key (so hashes, root and block signature all check out) still
 * fails verification when an operation in it is badly signed or forks its stream.
 */
class EmbeddedLedgerResealTest {
  @TempDir Path dir;

  @Test
  void verify_resealedBlockWithBadlySignedOperation_namesBlockAndSignature() throws Exception {
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation second = s.next();
    writeTwoBlocks(first, second);
    resealLastBlock(TestStream.withForeignSignature(second, TestStream.create().next()));
    assertBadAtBlockTwo("signature");
  }

  @Test
  void verify_resealedBlockWithForkingOperation_namesBlockAndChain() throws Exception {
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation second = s.next();
    writeTwoBlocks(first, second);
    resealLastBlock(s.withPrev(null));
    assertBadAtBlockTwo("prev");
  }

  private void writeTwoBlocks(Operation first, Operation second) {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      ledger.submit(first);
      ledger.submit(second);
      assertThat(ledger.height()).isEqualTo(2);
    }
  }

  /** Replaces block 2's only operation and seals the block again with the real node key. */
  private void resealLastBlock(Operation replacement) throws Exception {
    Ed25519PrivateKey node = KeyFiles.readKeyFile(dir.resolve("node.key"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"))) {
      String prevHash;
      long timeMs;
      try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM blocks WHERE height = 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        prevHash = rs.getString(1);
      }
      try (PreparedStatement ps =
              c.prepareStatement("SELECT time_ms FROM blocks WHERE height = 2");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        timeMs = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE operations SET id = ?, stream = ?, canonical = ? WHERE seq = 2")) {
        ps.setString(1, replacement.id().value());
        ps.setString(2, replacement.stream());
        ps.setBytes(3, replacement.canonicalBytes());
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      c.createStatement().executeUpdate("DELETE FROM blocks WHERE height = 2");
      BlockHeader header =
          new BlockHeader(
              2,
              prevHash,
              Instant.ofEpochMilli(timeMs),
              Base64Url.encode(MerkleTree.root(List.of(replacement.canonicalBytes()))),
              1,
              node.publicKey(),
              null);
      Blocks.insertBlock(c, header, node);
    }
  }

  private void assertBadAtBlockTwo(String problem) {
    VerificationReport report = LedgerVerifier.verify(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadBlock()).hasValue(2);
    assertThat(report.problem()).contains(problem);
    assertThatThrownBy(() -> EmbeddedLedger.open(dir, List.of()))
        .isInstanceOfSatisfying(
            LedgerCorruptedException.class, e -> assertThat(e.height()).isEqualTo(2));
  }
}
