package io.mip.ledger.evm.internal;

import io.mip.ledger.LedgerException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The transactions the sender has signed (recorded before they are sent) and not yet seen fully
 * replayed, and the checks that tell a mined, reverted, pending, lost or replaced one apart. Used
 * by the sender thread only.
 */
final class InFlightTxs {
  private static final Logger LOG = LoggerFactory.getLogger(InFlightTxs.class);

  /** One signed transaction and the operations it carries. */
  static final class Tx {
    final EthAccount.SignedTx signed;
    final TxBatch batch;
    final long sentAt;
    long checkedAt;
    boolean mined;

    Tx(EthAccount.SignedTx signed, TxBatch batch, long sentAt) {
      this.signed = signed;
      this.batch = batch;
      this.sentAt = sentAt;
      this.checkedAt = sentAt;
    }
  }

  private final ArrayDeque<Tx> txs = new ArrayDeque<>();
  private final Rpc rpc;
  private final String address;
  private final Submitter.Host host;
  private final long checkEveryMillis;
  private final long stallMillis;
  private boolean reverted;

  InFlightTxs(
      Rpc rpc, String address, Submitter.Host host, long checkEveryMillis, long stallMillis) {
    this.rpc = rpc;
    this.address = address;
    this.host = host;
    this.checkEveryMillis = checkEveryMillis;
    this.stallMillis = stallMillis;
  }

  Tx add(EthAccount.SignedTx signed, TxBatch batch) {
    Tx tx = new Tx(signed, batch, System.currentTimeMillis());
    txs.addLast(tx);
    return tx;
  }

  void remove(Tx tx) {
    txs.remove(tx);
  }

  int size() {
    return txs.size();
  }

  /** Whether a transaction reverted since the last call (the account may no longer be a writer). */
  boolean takeReverted() {
    boolean r = reverted;
    reverted = false;
    return r;
  }

  /** Removes every transaction and returns the operations not yet replayed, in order. */
  List<Submission> drainUnfinished() {
    List<Submission> out = new ArrayList<>();
    for (Tx tx : txs) {
      out.addAll(tx.batch.unfinished());
    }
    txs.clear();
    return out;
  }

  /**
   * Drops replayed transactions and, about every {@code checkEveryMillis}, asks for the receipt of
   * each one still waiting (mined ones too, until the reader has replayed them). Returns whether
   * the sender must re-sync: a transaction whose receipt is gone (its block was reorganised away or
   * lost in a node restart), one without a receipt whose nonce the account already used (replaced)
   * or the node no longer holds (lost), or one not mined within {@code stallMillis}.
   */
  boolean check() throws IOException {
    long now = System.currentTimeMillis();
    long latestCount = -1;
    long pendingCount = -1;
    boolean resync = false;
    Iterator<Tx> it = txs.iterator();
    while (it.hasNext()) {
      Tx tx = it.next();
      if (tx.batch.allDone()) {
        it.remove();
        continue;
      }
      if (now - tx.checkedAt < checkEveryMillis) {
        continue;
      }
      tx.checkedAt = now;
      Optional<TransactionReceipt> receipt = rpc.receipt(tx.signed.hash());
      if (receipt.isPresent()) {
        if (!tx.mined && !mined(tx, receipt.get())) {
          it.remove();
        }
        continue;
      }
      if (tx.mined) {
        LOG.info("EVM sender: transaction {} was mined but is no longer", tx.signed.hash());
        tx.mined = false;
        resync = true;
        continue;
      }
      if (latestCount < 0) {
        latestCount = rpc.nonce(address, false);
        pendingCount = rpc.nonce(address, true);
      }
      if (tx.signed.nonce() < latestCount || tx.signed.nonce() >= pendingCount) {
        resync = true;
      } else if (now - tx.sentAt > stallMillis) {
        LOG.warn(
            "EVM sender: transaction {} not mined after {} ms", tx.signed.hash(), now - tx.sentAt);
        resync = true;
      }
    }
    return resync;
  }

  /**
   * Classifies every transaction against the account's nonces (after the reader caught up): mined
   * ones stay until replayed, reverted ones fail their operations, ones still in the node's pool
   * stay, and lost or replaced ones are removed. Returns the operations of the removed ones that
   * were not replayed, in their original order, to be sent again.
   */
  List<Submission> resync(long pendingCount, long latestCount) throws IOException {
    List<Submission> lost = new ArrayList<>();
    Iterator<Tx> it = txs.iterator();
    while (it.hasNext()) {
      Tx tx = it.next();
      if (tx.batch.allDone()) {
        it.remove();
        continue;
      }
      Optional<TransactionReceipt> receipt = rpc.receipt(tx.signed.hash());
      if (receipt.isPresent()) {
        if (!tx.mined && !mined(tx, receipt.get())) {
          it.remove();
        }
        continue;
      }
      tx.mined = false;
      if (tx.signed.nonce() >= pendingCount || tx.signed.nonce() < latestCount) {
        lost.addAll(tx.batch.unfinished());
        it.remove();
      }
    }
    return lost;
  }

  /** Handles a receipt; returns false when the transaction reverted (its operations failed). */
  private boolean mined(Tx tx, TransactionReceipt receipt) {
    if (receipt.isStatusOK()) {
      tx.mined = true;
      host.wakeReader();
      return true;
    }
    reverted = true;
    String reason = receipt.getRevertReason() == null ? "" : ": " + receipt.getRevertReason();
    host.failed(
        tx.batch.unfinished(),
        new LedgerException("transaction " + tx.signed.hash() + " reverted" + reason));
    return false;
  }
}
