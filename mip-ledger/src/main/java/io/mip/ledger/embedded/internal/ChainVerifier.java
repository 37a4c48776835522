package io.mip.ledger.embedded.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.embedded.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-checks a stored chain from genesis: block numbering, header canonical form, hash links, block
 * hashes and node signatures, times, operation numbering and placement, Merkle roots here; each
 * operation's canonical bytes, id, stream, signature and stream chain in {@link OperationChecks}
 * (pipelined on worker threads). Reports the first bad block.
 */
public final class ChainVerifier {
  private final Connection c;
  private final OperationChecks ops;
  private long blocks;
  private long operations;
  private String lastHash = BlockHeader.GENESIS_PREV;
  private Instant lastTime = Instant.EPOCH;
  private Ed25519PublicKey node;
  private Ed25519PublicKey governance;

  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final long height;

    Bad(long height, String problem) {
      super(problem, null, false, false);
      this.height = height;
    }
  }

  /** The verification report, and the state to continue from when it passed. */
  public record Result(VerificationReport report, Optional<ChainState> state) {}

  private ChainVerifier(Connection c, OperationChecks ops) {
    this.c = c;
    this.ops = ops;
  }

  /** Verifies the chain read through {@code c} inside one read transaction (a snapshot). */
  public static Result verify(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (OperationChecks ops = new OperationChecks()) {
      return new ChainVerifier(c, ops).run();
    } finally {
      c.rollback();
      c.setAutoCommit(auto);
    }
  }

  private Result run() throws SQLException {
    try (PreparedStatement bs =
            c.prepareStatement(
                "SELECT height, header, hash, signature, time_ms FROM blocks ORDER BY height");
        PreparedStatement os =
            c.prepareStatement(
                "SELECT seq, id, stream, block_height, canonical FROM operations ORDER BY seq");
        ResultSet brs = bs.executeQuery();
        ResultSet ors = os.executeQuery()) {
      try {
        while (brs.next()) {
          block(brs, ors);
        }
        if (blocks == 0) {
          throw new Bad(0, "no genesis block");
        }
        if (ors.next()) {
          throw new Bad(
              Math.min(ors.getLong(4), blocks - 1),
              "operation " + ors.getLong(1) + " is in no block");
        }
        failIfAny(ops.finish());
      } catch (Bad bad) {
        Bad first = bad;
        Optional<OperationChecks.Failure> earlier = ops.finish();
        if (earlier.isPresent() && earlier.get().height() <= bad.height) {
          first = new Bad(earlier.get().height(), earlier.get().problem());
        }
        return new Result(
            VerificationReport.failed(
                Math.min(blocks, first.height), ops.verified(), first.height, first.getMessage()),
            Optional.empty());
      }
    }
    ChainState state =
        new ChainState(blocks - 1, operations, lastHash, lastTime, node, governance, ops.heads());
    return new Result(VerificationReport.passed(blocks, operations), Optional.of(state));
  }

  private static void failIfAny(Optional<OperationChecks.Failure> f) throws Bad {
    if (f.isPresent()) {
      throw new Bad(f.get().height(), f.get().problem());
    }
  }

  private void block(ResultSet brs, ResultSet ors) throws SQLException, Bad {
    long h = brs.getLong(1);
    if (h != blocks) {
      throw new Bad(blocks, "block " + blocks + " is missing (next stored block is " + h + ")");
    }
    BlockHeader header;
    try {
      header = BlockHeader.parse(brs.getString(2).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Bad(h, "header: " + e.getMessage());
    }
    if (header.height() != h) {
      throw new Bad(h, "header says height " + header.height());
    }
    if (!header.prev().equals(lastHash)) {
      throw new Bad(h, "header prev does not match the hash of the previous block");
    }
    String hash = header.hash();
    if (!hash.equals(brs.getString(3))) {
      throw new Bad(h, "stored block hash does not match the header");
    }
    if (h == 0) {
      node = header.node();
      governance = header.governance();
    } else if (!header.node().equals(node)) {
      throw new Bad(h, "sealed by " + header.node().toMultibase() + ", not the genesis node");
    }
    if (!signatureOk(hash, brs.getString(4))) {
      throw new Bad(h, "block signature does not verify against the node key");
    }
    if (header.time().isBefore(lastTime) || header.time().toEpochMilli() != brs.getLong(5)) {
      throw new Bad(h, "block time goes backwards or differs from the stored time");
    }
    if ((h == 0) != (header.count() == 0)) {
      throw new Bad(h, "genesis holds no operations and every other block holds some");
    }
    List<byte[]> leaves = new ArrayList<>(header.count());
    for (int i = 0; i < header.count(); i++) {
      if (!ors.next()) {
        throw new Bad(h, "header counts " + header.count() + " operations, found " + i);
      }
      leaves.add(operation(h, ors));
    }
    if (!Base64Url.encode(MerkleTree.root(leaves)).equals(header.root())) {
      throw new Bad(h, "Merkle root does not match the block's operations");
    }
    lastHash = hash;
    lastTime = header.time();
    blocks++;
  }

  private byte[] operation(long h, ResultSet ors) throws SQLException, Bad {
    long seq = ors.getLong(1);
    if (seq != operations + 1) {
      throw new Bad(h, "operation sequence jumps from " + operations + " to " + seq);
    }
    if (ors.getLong(4) != h) {
      throw new Bad(h, "operation " + seq + " is recorded in block " + ors.getLong(4));
    }
    byte[] stored = ors.getBytes(5);
    if (stored == null || stored.length == 0) {
      throw new Bad(h, "operation " + seq + " has no bytes");
    }
    failIfAny(ops.add(new OperationChecks.Row(h, seq, ors.getString(2), ors.getString(3), stored)));
    operations++;
    return stored;
  }

  private boolean signatureOk(String hash, String signature) {
    try {
      return node.verifier().verify(Base64Url.decode(hash), Base64Url.decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
