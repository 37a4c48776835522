package io.mip.ledger.evm.internal;

import io.mip.ledger.LedgerException;
import io.mip.ledger.evm.EvmRefusedException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends one administrative transaction (deploy, setWriter, transferAdmin, acceptAdmin) and waits
 * for its receipt. Estimates gas first, so a call the contract would refuse (NotAdmin, ...) fails
 * before anything is sent, with the contract's error name ({@link EvmRefusedException}); a node
 * that cannot be reached fails with a plain {@link LedgerException}.
 */
public final class Transactor implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(120);

  private final Rpc rpc;
  private final EthAccount account;

  /** Connects to {@code url} with the account in {@code keyFile}. */
  public Transactor(URI url, EthAccount account) {
    this.rpc = new Rpc(url);
    this.account = account;
  }

  /** The RPC client (for views). */
  public Rpc rpc() {
    return rpc;
  }

  /**
   * Sends call data to {@code to} (null: create a contract) and returns the mined receipt.
   *
   * @throws EvmRefusedException when the contract would revert, the node refuses the transaction or
   *     it reverts
   * @throws LedgerException when the node cannot be reached or nothing is mined within two minutes
   */
  public TransactionReceipt send(String to, String data) {
    try {
      long chainId = rpc.chainId();
      long gas;
      try {
        gas = rpc.estimateGas(account.address(), to, data);
      } catch (RpcException e) {
        String name = MipLedgerContract.errorName(e.revertData());
        throw new EvmRefusedException(
            "the contract refuses the call"
                + (name.isEmpty() ? ": " + e.getMessage() : ": " + name),
            name,
            e);
      }
      long nonce = rpc.nonce(account.address(), true);
      EthAccount.SignedTx tx = account.sign(chainId, nonce, gas + gas / 4 + 10_000, to, data);
      try {
        rpc.sendRaw(tx.rawHex());
      } catch (RpcException e) {
        throw new EvmRefusedException("the node refuses the transaction: " + e.getMessage(), "", e);
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<TransactionReceipt> r = rpc.receipt(tx.hash());
        if (r.isPresent()) {
          if (!r.get().isStatusOK()) {
            throw new EvmRefusedException("transaction " + tx.hash() + " reverted", "", null);
          }
          return r.get();
        }
        Thread.sleep(100);
      }
      throw new LedgerException("transaction " + tx.hash() + " not mined within " + WAIT);
    } catch (IOException e) {
      throw new LedgerException("EVM node failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while waiting for a receipt", e);
    }
  }

  @Override
  public void close() {
    rpc.close();
  }
}
