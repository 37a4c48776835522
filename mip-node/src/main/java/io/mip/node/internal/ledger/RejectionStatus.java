package io.mip.node.internal.ledger;

import io.mip.ledger.Rejection;
import java.util.Map;

/**
 * Chooses the HTTP status for a ledger rejection: 400 for an operation that fails on its own (bad
 * signature), 403 for a signer without authority, 404 for an update of a DID that does not exist
 * (the same {@code not-found} type as an unknown path), 409 for a conflict with the stream's
 * current state (stale or replayed {@code prev}, deactivated DID, stream full), 422 for any other
 * policy refusal (such as {@code invalid-did-payload}, {@code did-mismatch}).
 */
final class RejectionStatus {
  private static final Map<String, Integer> BY_CODE =
      Map.ofEntries(
          Map.entry("bad-signature", 400),
          Map.entry("unauthorized-signer", 403),
          Map.entry("not-found", 404),
          Map.entry("broken-chain", 409),
          Map.entry("did-deactivated", 409),
          Map.entry("too-many-operations", 409));

  private RejectionStatus() {}

  static int of(Rejection rejection) {
    Integer byCode = BY_CODE.get(rejection.code());
    if (byCode != null) {
      return byCode;
    }
    return switch (rejection.reason()) {
      case BAD_SIGNATURE -> 400;
      case BROKEN_CHAIN -> 409;
      case POLICY -> 422;
    };
  }
}
