package io.mip.ledger.embedded.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.embedded.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-checks a stored chain from genesis: block numbering, header canonical form, hash links, block
 * hashes and node signatures, times, operation numbering, canonical bytes, ids, stream chains,
 * Merkle roots, and operation signatures (checked in parallel batches). Stops at the first bad
 * block.
 */
public final class ChainVerifier {
  private static final int SIGNATURE_BATCH = 2048;

  private final Connection c;
  private final Map<String, OperationId> heads = new HashMap<>();
  private final List<Pending> unsigned = new ArrayList<>();
  private long blocks;
  private long operations;
  private String lastHash = BlockHeader.GENESIS_PREV;
  private Instant lastTime = Instant.EPOCH;
  private Ed25519PublicKey node;
  private Ed25519PublicKey governance;

  private record Pending(long height, long seq, Operation op) {}

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

  private ChainVerifier(Connection c) {
    this.c = c;
  }

  /** Verifies the chain read through {@code c} inside one read transaction (a snapshot). */
  public static Result verify(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      return new ChainVerifier(c).run();
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
          if (unsigned.size() >= SIGNATURE_BATCH) {
            checkSignatures();
          }
        }
        if (blocks == 0) {
          throw new Bad(0, "no genesis block");
        }
        if (ors.next()) {
          throw new Bad(
              Math.min(ors.getLong(4), blocks - 1),
              "operation " + ors.getLong(1) + " is in no block");
        }
        checkSignatures();
      } catch (Bad bad) {
        Bad first = bad;
        try {
          checkSignatures();
        } catch (Bad sig) {
          first = sig.height <= bad.height ? sig : bad;
        }
        long okBlocks = Math.min(blocks, first.height);
        return new Result(
            VerificationReport.failed(okBlocks, operations, first.height, first.getMessage()),
            Optional.empty());
      }
    }
    ChainState state =
        new ChainState(blocks - 1, operations, lastHash, lastTime, node, governance, heads);
    return new Result(VerificationReport.passed(blocks, operations), Optional.of(state));
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
    Operation op;
    try {
      op = Operation.parse(stored);
    } catch (MalformedOperationException e) {
      throw new Bad(h, "operation " + seq + ": " + e.getMessage());
    }
    if (!Arrays.equals(op.canonicalBytes(), stored)) {
      throw new Bad(h, "operation " + seq + " is not stored in canonical form");
    }
    if (!op.id().value().equals(ors.getString(2)) || !op.stream().equals(ors.getString(3))) {
      throw new Bad(h, "operation " + seq + ": stored id or stream does not match its bytes");
    }
    OperationId head = heads.get(op.stream());
    if (!op.prev().equals(Optional.ofNullable(head))) {
      throw new Bad(h, "operation " + seq + ": prev is not the head of stream " + op.stream());
    }
    heads.put(op.stream(), op.id());
    unsigned.add(new Pending(h, seq, op));
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

  private void checkSignatures() throws Bad {
    Optional<Pending> bad =
        unsigned.parallelStream()
            .filter(p -> !p.op().signatureValid())
            .min((a, b) -> Long.compare(a.seq(), b.seq()));
    unsigned.clear();
    if (bad.isPresent()) {
      Pending p = bad.get();
      throw new Bad(p.height(), "operation " + p.seq() + ": signature does not verify");
    }
  }
}
