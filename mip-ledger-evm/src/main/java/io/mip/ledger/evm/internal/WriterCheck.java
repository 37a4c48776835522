package io.mip.ledger.evm.internal;

import java.io.IOException;

/**
 * Whether the sender's account may still append to the contract: asked of the contract at most
 * every 10 s while it may, and again at once after {@link #recheck()} (a transaction reverted) or
 * while it may not. Used by the sender thread only.
 */
final class WriterCheck {
  private static final long EVERY_MILLIS = 10_000;

  private final Rpc rpc;
  private final String account;
  private final String contract;
  private long checkedAt;
  private boolean writer;

  WriterCheck(Rpc rpc, String account, String contract) {
    this.rpc = rpc;
    this.account = account;
    this.contract = contract;
  }

  /** Whether the contract lists the account as a writer. */
  boolean allowed() throws IOException {
    long now = System.currentTimeMillis();
    if (!writer || now - checkedAt > EVERY_MILLIS) {
      writer =
          MipLedgerContract.decodeBool(
              rpc.call(account, contract, MipLedgerContract.writers(account)));
      checkedAt = now;
    }
    return writer;
  }

  /** Makes the next {@link #allowed()} ask the contract. */
  void recheck() {
    checkedAt = 0;
  }
}
