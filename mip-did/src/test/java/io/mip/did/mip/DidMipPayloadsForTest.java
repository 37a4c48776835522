package io.mip.did.mip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.did.mip.internal.Payloads;

/** Update payloads for tests that sign operations the builders would refuse to make. */
final class DidMipPayloadsForTest {
  private DidMipPayloadsForTest() {}

  static ObjectNode state(DidState state) {
    return Payloads.state(state);
  }
}
