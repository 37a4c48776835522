package io.mip.wallet;

import io.mip.did.mip.DidMipPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import java.nio.file.Path;
import java.util.List;

/** Real embedded ledgers with the did:mip admission policy, as a node runs them. */
public final class TestLedgers {
  private TestLedgers() {}

  /** Opens an embedded ledger in {@code dir}. */
  public static EmbeddedLedger open(Path dir) {
    return EmbeddedLedger.open(dir, List.of(new DidMipPolicy()));
  }
}
