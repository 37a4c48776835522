package io.mip.node;

import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.OperationPolicy;
import java.util.List;
import java.util.Map;

/**
 * The DID methods a node supports: the ledger admission policies they bring and the resolver that
 * routes each method to its own resolver ({@code did:key} now, {@code did:mip} over the ledger).
 */
public final class DidMethods {
  private DidMethods() {}

  /** Returns the admission policies for the ledger. */
  public static List<OperationPolicy> policies() {
    return List.of(new DidMipPolicy());
  }

  /**
   * Returns the resolver for every supported method, reading {@code did:mip} from {@code ledger}.
   */
  public static DidResolver resolver(Ledger ledger) {
    return new CompositeDidResolver(
        Map.of(
            DidMipResolver.METHOD,
            new DidMipResolver(ledger),
            DidKeyResolver.METHOD,
            new DidKeyResolver()));
  }
}
