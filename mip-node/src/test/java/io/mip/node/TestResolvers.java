package io.mip.node;

import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import java.util.Map;

final class TestResolvers {
  private TestResolvers() {}

  static DidResolver keyOnly() {
    return new CompositeDidResolver(Map.of("key", new DidKeyResolver()));
  }
}
