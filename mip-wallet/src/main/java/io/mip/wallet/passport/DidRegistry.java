package io.mip.wallet.passport;

import io.mip.did.mip.DidMipResolver;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the wallet writes its DID operations and reads DID state: the ledger, reached directly or
 * through a node (the CLI adapts its {@code --data DIR} / {@code --node URL} target to this).
 */
public interface DidRegistry {
  /** Submits one signed operation and returns the ledger's answer. */
  Admission submit(Operation op);

  /** Returns the latest replayed state of a did:mip DID, empty if it is not on the ledger. */
  Optional<DidMipState> state(String did);

  /** A registry over a ledger opened in this process, resolving with {@link DidMipResolver}. */
  static DidRegistry of(Ledger ledger) {
    Objects.requireNonNull(ledger, "ledger");
    DidMipResolver resolver = new DidMipResolver(ledger);
    return new DidRegistry() {
      @Override
      public Admission submit(Operation op) {
        return ledger.submit(op);
      }

      @Override
      public Optional<DidMipState> state(String did) {
        return resolver.state(did);
      }
    };
  }
}
