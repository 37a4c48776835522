package io.mip.credential.status;

import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a status list from its stream (draft-ietf-oauth-status-list content, MIP transport): the
 * first valid {@code status.create} makes the list, each later valid {@code status.set} changes
 * entries. Operations with a bad signature, or signed by a key that was not the issuer's assertion
 * key when the ledger admitted them, are dropped.
 */
public final class StatusListState {
  private StatusListState() {}

  /** Replays ledger entries, checking each signer against the issuer's DID at receipt time. */
  public static Optional<StatusList> replay(List<LedgerEntry> entries, IssuerKeyCheck keys) {
    StatusList list = null;
    for (LedgerEntry e : entries) {
      Operation op = e.operation();
      StatusListId id;
      try {
        id = StatusListId.fromStream(op.stream());
      } catch (IllegalArgumentException ex) {
        continue;
      }
      if (!op.signatureValid()
          || !keys.isIssuerKey(id.issuerDid(), op.signer(), e.receipt().time())) {
        continue;
      }
      list = apply(list, op);
    }
    return Optional.ofNullable(list);
  }

  /** Replays already-admitted operations without re-checking signers (admission use). */
  static Optional<StatusList> replayOperations(List<Operation> ops) {
    StatusList list = null;
    for (Operation op : ops) {
      list = apply(list, op);
    }
    return Optional.ofNullable(list);
  }

  private static StatusList apply(StatusList list, Operation op) {
    if (list == null) {
      return StatusListOperations.CREATE.equals(op.type())
          ? StatusListOperations.parseCreate(op.payload()).orElse(null)
          : null;
    }
    if (StatusListOperations.SET.equals(op.type())) {
      Optional<Map<Integer, TokenStatus>> changes =
          StatusListOperations.parseSet(op.payload(), list);
      if (changes.isPresent()) {
        return list.with(changes.get());
      }
    }
    return list;
  }
}
