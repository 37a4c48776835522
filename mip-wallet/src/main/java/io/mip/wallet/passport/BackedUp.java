package io.mip.wallet.passport;

import java.net.URI;
import java.util.Objects;

/**
 * A passport backed up on a node (docs/passport.md, "Backup and restore on a new device").
 *
 * @param did the passport's DID
 * @param epoch the key epoch of the backup
 * @param node the node that holds it
 * @param replaced whether it replaced an earlier backup of the DID there
 */
public record BackedUp(String did, int epoch, URI node, boolean replaced) {
  /** Checks nulls. */
  public BackedUp {
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(node, "node");
  }
}
