package io.mip.ledger.embedded;

import io.mip.ledger.LedgerException;
import io.mip.ledger.embedded.internal.ChainVerifier;
import io.mip.ledger.embedded.internal.Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Verifies an embedded ledger's stored chain without changing it: every block's header (canonical
 * JCS form, height, link to the previous block's hash, stored hash, node signature, time), and
 * every operation (gapless sequence, canonical bytes, recomputed id, stream chain, Ed25519
 * signature, Merkle root of its block). Changing any byte of a stored header, signature or
 * operation is detected and named by the first bad block's height.
 *
 * <p>Opens the database read-only and may run beside a live node (it reads one snapshot).
 */
public final class LedgerVerifier {
  private LedgerVerifier() {}

  /**
   * Verifies the ledger in {@code dataDir}.
   *
   * @throws LedgerException if there is no ledger there or it cannot be read
   */
  public static VerificationReport verify(Path dataDir) {
    Path db = dataDir.resolve(Sqlite.FILE);
    if (!Files.isRegularFile(db)) {
      throw new LedgerException("no ledger at " + db);
    }
    try (Connection c = Sqlite.openReader(dataDir)) {
      return ChainVerifier.verify(c).report();
    } catch (SQLException e) {
      throw new LedgerException("cannot read ledger " + db + ": " + e.getMessage(), e);
    }
  }
}
