package io.mip.ledger.embedded.internal;

import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.LedgerException;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.ledger.embedded.LedgerCorruptedException;
import io.mip.ledger.embedded.VerificationReport;
import io.mip.ledger.embedded.WalCheckpointer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A ledger data directory held open: the exclusive directory lock, the read-write connection, the
 * node key, and the genesis block (created, with both key files, on first start).
 */
public final class Storage implements AutoCloseable {
  /** The node key file name. */
  public static final String NODE_KEY = "node.key";

  /** The governance key file name. */
  public static final String GOVERNANCE_KEY = "governance.key";

  private static final String LOCK = "ledger.lock";

  private final Path dataDir;
  private final FileChannel lockChannel;
  private final Connection conn;
  private final Ed25519PrivateKey nodeKey;
  private WalCheckpointer checkpointer;

  private Storage(Path dataDir, FileChannel lockChannel, Connection conn, Ed25519PrivateKey key) {
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.conn = conn;
    this.nodeKey = key;
  }

  /** Locks {@code dataDir}, opens the database and creates genesis if it has none. */
  public static Storage open(Path dataDir, Clock clock) {
    FileChannel lock = null;
    Connection conn = null;
    try {
      Files.createDirectories(dataDir);
      lock = lock(dataDir);
      conn = Sqlite.openWriter(dataDir);
      Ed25519PrivateKey nodeKey;
      if (hasGenesis(conn)) {
        Path file = dataDir.resolve(NODE_KEY);
        if (!Files.exists(file)) {
          throw new LedgerException(
              "node key " + file + " is missing; the ledger cannot be sealed");
        }
        nodeKey = KeyFiles.readKeyFile(file);
      } else {
        nodeKey = keyFile(dataDir.resolve(NODE_KEY));
        Ed25519PublicKey governance = keyFile(dataDir.resolve(GOVERNANCE_KEY)).publicKey();
        writeGenesis(conn, clock, nodeKey, governance);
      }
      return new Storage(dataDir, lock, conn, nodeKey);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(conn);
      closeQuietly(lock);
      if (e instanceof LedgerException le) {
        throw le;
      }
      throw new LedgerException("cannot open ledger in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static FileChannel lock(Path dataDir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l = ch.tryLock();
      if (l == null) {
        throw new LedgerException("ledger " + dataDir + " is open in another process");
      }
      return ch;
    } catch (OverlappingFileLockException e) {
      ch.close();
      throw new LedgerException("ledger " + dataDir + " is already open in this process");
    } catch (RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static boolean hasGenesis(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM blocks")) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  private static Ed25519PrivateKey keyFile(Path file) throws IOException {
    if (Files.exists(file)) {
      return KeyFiles.readKeyFile(file);
    }
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    KeyFiles.writeKeyFile(file, key);
    return key;
  }

  private static void writeGenesis(
      Connection conn, Clock clock, Ed25519PrivateKey node, Ed25519PublicKey governance)
      throws SQLException {
    BlockHeader genesis =
        new BlockHeader(
            0,
            BlockHeader.GENESIS_PREV,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            Base64Url.encode(MerkleTree.root(List.of())),
            0,
            node.publicKey(),
            governance);
    conn.setAutoCommit(false);
    Blocks.insertBlock(conn, genesis, node);
    conn.commit();
    conn.setAutoCommit(true);
  }

  /**
   * Verifies the whole chain and returns the state to continue from.
   *
   * @throws LedgerCorruptedException naming the first bad block
   * @throws LedgerException if {@code node.key} is not the genesis node key
   */
  public ChainState verifiedState() {
    ChainVerifier.Result result;
    try {
      result = ChainVerifier.verify(conn);
    } catch (SQLException e) {
      throw new LedgerException("cannot read ledger " + dataDir + ": " + e.getMessage(), e);
    }
    VerificationReport report = result.report();
    if (!report.ok()) {
      throw new LedgerCorruptedException(report.firstBadBlock().getAsLong(), report.problem());
    }
    ChainState state = result.state().orElseThrow();
    if (!state.node().equals(nodeKey.publicKey())) {
      throw new LedgerException(
          "node key " + dataDir.resolve(NODE_KEY) + " is not the key recorded in genesis");
    }
    return state;
  }

  /** Opens read-only connections for readers. */
  public ReaderPool readers(int size) {
    try {
      return new ReaderPool(dataDir, size);
    } catch (SQLException e) {
      throw new LedgerException("cannot open readers on " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Starts copying the WAL into the database in the background (the writer never does). */
  public synchronized void startCheckpointer() {
    if (checkpointer == null) {
      try {
        checkpointer =
            new WalCheckpointer(
                Sqlite.openCheckpointer(dataDir), "mip-ledger", Duration.ofMillis(200));
      } catch (SQLException e) {
        throw new LedgerException(
            "cannot open checkpointer on " + dataDir + ": " + e.getMessage(), e);
      }
    }
  }

  /** Returns the read-write connection (the writer's alone once it runs). */
  public Connection connection() {
    return conn;
  }

  /** Returns the node key that seals blocks. */
  public Ed25519PrivateKey nodeKey() {
    return nodeKey;
  }

  @Override
  public synchronized void close() {
    closeQuietly(checkpointer);
    closeQuietly(conn);
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // nothing more can be done while closing
    }
  }
}
