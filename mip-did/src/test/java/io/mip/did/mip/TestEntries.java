package io.mip.did.mip;

import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.Receipt;
import java.time.Instant;

/** Ledger entries for replay tests that do not need a ledger. */
final class TestEntries {
  private TestEntries() {}

  static LedgerEntry entry(Operation op, long sequence, Instant time) {
    return new LedgerEntry(op, new Receipt(op.id(), sequence, sequence, time));
  }
}
