package io.mip.ledger.embedded.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Writes sealed blocks: the node signs the header hash, rows go in within one transaction. */
public final class Blocks {
  private Blocks() {}

  /**
   * Stores {@code ops} (sequences from {@code firstSeq}) and their block in one transaction and
   * commits it; the connection is back in auto-commit mode afterwards. On failure the caller rolls
   * back.
   */
  static void write(
      Connection conn,
      long firstSeq,
      List<Operation> ops,
      BlockHeader header,
      Ed25519PrivateKey nodeKey)
      throws SQLException {
    conn.setAutoCommit(false);
    try (PreparedStatement ins =
        conn.prepareStatement(
            "INSERT INTO operations(seq, id, stream, block_height, canonical) VALUES (?,?,?,?,?)")) {
      long seq = firstSeq;
      for (Operation op : ops) {
        ins.setLong(1, seq++);
        ins.setString(2, op.id().value());
        ins.setString(3, op.stream());
        ins.setLong(4, header.height());
        ins.setBytes(5, op.canonicalBytes());
        ins.addBatch();
      }
      ins.executeBatch();
    }
    insertBlock(conn, header, nodeKey);
    conn.commit();
    conn.setAutoCommit(true);
  }

  /**
   * After a failed write, tells whether the block is stored nevertheless (a commit that reported an
   * error after reaching the disk); empty if the store cannot even be asked or holds another block
   * at that height.
   */
  static Optional<Boolean> storedAnyway(Connection conn, BlockHeader header) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM blocks WHERE height = ?")) {
      ps.setLong(1, header.height());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.of(false);
        }
        return rs.getString(1).equals(header.hash()) ? Optional.of(true) : Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** Inserts a sealed block row (the caller commits) and returns its hash. */
  public static String insertBlock(Connection conn, BlockHeader header, Ed25519PrivateKey nodeKey)
      throws SQLException {
    byte[] canonical = header.canonical();
    String hash = header.hash();
    byte[] signature = nodeKey.signer().sign(Base64Url.decode(hash));
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO blocks(height, header, hash, signature, time_ms) VALUES (?,?,?,?,?)")) {
      ps.setLong(1, header.height());
      ps.setString(2, new String(canonical, StandardCharsets.UTF_8));
      ps.setString(3, hash);
      ps.setString(4, Base64Url.encode(signature));
      ps.setLong(5, header.time().toEpochMilli());
      ps.executeUpdate();
    }
    return hash;
  }
}
