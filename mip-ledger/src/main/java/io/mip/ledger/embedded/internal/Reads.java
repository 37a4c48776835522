package io.mip.ledger.embedded.internal;

import io.mip.ledger.Block;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.Receipt;
import io.mip.ledger.embedded.LedgerCorruptedException;
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
 * The ledger's read queries. Every operation read back is re-parsed and its id recomputed; a stored
 * row whose bytes no longer match its id raises {@link LedgerCorruptedException}.
 */
public final class Reads {
  private static final String ENTRY =
      "SELECT o.seq, o.id, o.block_height, o.canonical, b.time_ms FROM operations o"
          + " JOIN blocks b ON b.height = o.block_height ";

  private Reads() {}

  /** The operations of a stream, in order. */
  public static List<LedgerEntry> stream(Connection c, String stream) throws SQLException {
    return entries(c, ENTRY + "WHERE o.stream = ? ORDER BY o.seq", stream);
  }

  /** The last operation of a stream. */
  public static Optional<LedgerEntry> head(Connection c, String stream) throws SQLException {
    return first(entries(c, ENTRY + "WHERE o.stream = ? ORDER BY o.seq DESC LIMIT 1", stream));
  }

  /** An operation by id. */
  public static Optional<LedgerEntry> find(Connection c, OperationId id) throws SQLException {
    return first(entries(c, ENTRY + "WHERE o.id = ?", id.value()));
  }

  /** Operations after a sequence number. */
  public static List<LedgerEntry> since(Connection c, long after, int limit) throws SQLException {
    return entries(c, ENTRY + "WHERE o.seq > ? ORDER BY o.seq LIMIT ?", after, limit);
  }

  /** The receipt of an admitted operation, without parsing it (used for duplicates). */
  public static Optional<Receipt> receipt(Connection c, OperationId id) throws SQLException {
    String sql =
        "SELECT o.seq, o.block_height, b.time_ms FROM operations o"
            + " JOIN blocks b ON b.height = o.block_height WHERE o.id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Receipt(id, rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
      }
    }
  }

  /** A block by height, with the ids of its operations. */
  public static Optional<Block> block(Connection c, long height) throws SQLException {
    BlockHeader header;
    String hash;
    String signature;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT header, hash, signature FROM blocks WHERE height = ?")) {
      ps.setLong(1, height);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          header = BlockHeader.parse(rs.getString(1).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new LedgerCorruptedException(height, e.getMessage());
        }
        hash = rs.getString(2);
        signature = rs.getString(3);
      }
    }
    List<OperationId> ids = new ArrayList<>(header.count());
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM operations WHERE block_height = ? ORDER BY seq")) {
      ps.setLong(1, height);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new OperationId(rs.getString(1)));
        }
      }
    }
    return Optional.of(
        new Block(
            height,
            header.prev(),
            header.time(),
            header.root(),
            ids,
            hash,
            header.node().toMultibase(),
            signature));
  }

  private static List<LedgerEntry> entries(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<LedgerEntry> out = new ArrayList<>();
        while (rs.next()) {
          out.add(entry(rs));
        }
        return out;
      }
    }
  }

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    String id = rs.getString(2);
    long height = rs.getLong(3);
    Operation op;
    try {
      op = Operation.parse(rs.getBytes(4));
    } catch (MalformedOperationException e) {
      throw new LedgerCorruptedException(height, "operation " + seq + ": " + e.getMessage());
    }
    if (!op.id().value().equals(id)) {
      throw new LedgerCorruptedException(
          height, "operation " + seq + ": stored bytes do not hash to its id " + id);
    }
    return new LedgerEntry(
        op, new Receipt(op.id(), seq, height, Instant.ofEpochMilli(rs.getLong(5))));
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }
}
