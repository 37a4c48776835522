package io.mip.ledger.evm;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.evm.internal.EthAccount;
import io.mip.ledger.evm.internal.LedgerCore;
import io.mip.ledger.evm.internal.LogFollower;
import io.mip.ledger.evm.internal.Rpc;
import io.mip.ledger.evm.internal.Submission;
import io.mip.ledger.evm.internal.Submitter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The consortium ledger backend: MIP operations appended to the {@code MipLedger} contract on an
 * EVM chain (Hyperledger Besu with QBFT and zero gas price in production, anvil in tests).
 *
 * <p>The chain orders; Java verifies. Each node's reader replays the contract's {@code Appended}
 * events in (block, log index) order and applies the embedded backend's checks (signature, {@code
 * prev} equal to the stream head at that point, policies), dropping what fails and ignoring exact
 * duplicates by operation id, so every node and both backends derive the same state from the same
 * operations. Receipts: {@code sequence} is the position in that verified order (the contract's own
 * counter also counts dropped operations), {@code blockHeight} the chain block number, {@code time}
 * the block timestamp.
 *
 * <p>{@link #submit} checks the operation against the verified state plus this node's operations
 * still on their way (so a caller may chain on them), queues it for the single sender thread, which
 * batches queued operations into one transaction, and returns once the reader has replayed it. An
 * operation that passed that check can still be dropped at replay when another node's operation on
 * the same stream was ordered first; the caller then gets BROKEN_CHAIN.
 *
 * <p>The reader verifies each block range before applying it (block hashes, parent link, the
 * contract's sequence numbers without a gap and its counter). When the chain reorganises (or a node
 * restart loses its newest blocks) it rolls the state back to the newest verified block still on
 * the chain and reads on, and this node's rolled-back operations are written again; a gap is read
 * again for a few seconds before the reader takes the chain as it is (docs/consortium.md).
 *
 * <p>Refuses: a node on another chain id than configured, an address without contract code, and
 * (with {@link LedgerException}) submissions from an account the contract does not allow to write
 * or on a read-only ledger (no key file). Thread-safe.
 */
public final class EvmLedger implements Ledger {
  private final EvmConfig config;
  private final Rpc rpc;
  private final LedgerCore core;
  private final LogFollower reader;
  private final Submitter sender;
  private final String account;
  private volatile boolean closed;

  private EvmLedger(
      EvmConfig config, Rpc rpc, List<OperationPolicy> policies, EthAccount acct, long chainId) {
    this.config = config;
    this.rpc = rpc;
    this.core = new LedgerCore(policies);
    this.reader =
        new LogFollower(
            rpc,
            config.contractAddress(),
            config.fromBlock(),
            config.confirmations(),
            config.pollInterval(),
            core);
    this.account = acct == null ? null : acct.address();
    this.sender =
        acct == null
            ? null
            : new Submitter(
                rpc,
                acct,
                config.contractAddress(),
                chainId,
                config.pollInterval(),
                new SenderHost());
    core.attach(sender);
  }

  /**
   * Connects to the node, checks the chain id and the contract, replays the contract's events up to
   * the current head, and starts the reader (and the sender, when a key file is configured).
   *
   * @throws LedgerException when the node cannot be reached, is on another chain, or has no
   *     contract at the address
   * @throws IllegalArgumentException when the key file is not a valid key
   */
  public static EvmLedger open(EvmConfig config, List<OperationPolicy> policies) {
    EthAccount acct = config.keyFile() == null ? null : EthAccount.fromKeyFile(config.keyFile());
    Rpc rpc = new Rpc(config.rpc());
    try {
      long chainId = rpc.chainId();
      if (config.chainId() != 0 && config.chainId() != chainId) {
        throw new LedgerException(
            "node " + config.rpc() + " is on chain " + chainId + ", expected " + config.chainId());
      }
      String code = rpc.code(config.contractAddress());
      if (code == null || code.length() <= 2) {
        throw new LedgerException("no contract at " + config.contractAddress());
      }
      EvmLedger ledger = new EvmLedger(config, rpc, policies, acct, chainId);
      ledger.reader.catchUp();
      ledger.reader.start();
      if (ledger.sender != null) {
        ledger.sender.start();
      }
      return ledger;
    } catch (IOException e) {
      rpc.close();
      throw new LedgerException("cannot use the EVM node at " + config.rpc() + ": " + e, e);
    } catch (RuntimeException e) {
      rpc.close();
      throw e;
    }
  }

  /**
   * Deploys a new MipLedger contract with the account in {@code keyFile} as its admin, waits until
   * it is mined and returns its address. The admin then allows writers with {@link
   * EvmAdmin#setWriter}.
   */
  public static String deploy(URI rpc, Path keyFile) {
    return EvmAdmin.deploy(rpc, keyFile);
  }

  /** The Ethereum address this ledger writes from, empty when read-only. */
  public Optional<String> writerAddress() {
    return Optional.ofNullable(account);
  }

  /** The configuration this ledger was opened with. */
  public EvmConfig config() {
    return config;
  }

  @Override
  public Admission submit(Operation op) {
    return submitAll(List.of(op)).get(0);
  }

  @Override
  public List<Admission> submitAll(List<Operation> ops) {
    if (closed) {
      throw new LedgerException("EVM ledger is closed");
    }
    if (sender == null) {
      throw new LedgerException("EVM ledger is read-only: no key file configured");
    }
    boolean[] valid = new boolean[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      valid[i] = ops.get(i).signatureValid();
    }
    List<CompletableFuture<Admission>> futures = core.admit(ops, valid);
    long deadline = System.nanoTime() + config.submitTimeout().toNanos();
    List<Admission> out = new ArrayList<>(ops.size());
    for (CompletableFuture<Admission> f : futures) {
      out.add(await(f, deadline));
    }
    return out;
  }

  private Admission await(CompletableFuture<Admission> f, long deadline) {
    try {
      return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new LedgerException(
          "operation not confirmed by the chain within " + config.submitTimeout(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new LedgerException(cause == null ? "submission failed" : cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while waiting for the chain", e);
    }
  }

  private final class SenderHost implements Submitter.Host {
    @Override
    public void failed(List<Submission> submissions, LedgerException cause) {
      core.fail(submissions, cause);
    }

    @Override
    public void catchUp() throws IOException {
      reader.catchUp();
    }

    @Override
    public void wakeReader() {
      reader.wake();
    }
  }

  @Override
  public List<LedgerEntry> stream(String streamId) {
    return core.stream(streamId);
  }

  @Override
  public Optional<LedgerEntry> find(OperationId id) {
    return core.find(id);
  }

  @Override
  public Optional<LedgerEntry> head(String streamId) {
    return core.head(streamId);
  }

  @Override
  public List<LedgerEntry> since(long afterSequence, int limit) {
    return core.since(afterSequence, limit);
  }

  @Override
  public long size() {
    return core.size();
  }

  /** The highest chain block the reader has replayed. */
  @Override
  public long height() {
    // a block's operations are visible (and their submitters released) before the reader
    // finishes its poll, so the applied height can run ahead of the reader's
    return Math.max(reader.height(), core.appliedHeight());
  }

  /**
   * The chain block at {@code height} when it holds admitted MIP operations, else empty (chain
   * blocks without MIP operations, and heights beyond {@link #height()}). Its hashes are the
   * chain's block and parent hashes; its Merkle root is RFC 9162 over the admitted operations'
   * canonical bytes; signer and signature are empty, because the chain's consensus seals it.
   */
  @Override
  public Optional<Block> block(long height) {
    return core.block(height);
  }

  /** The governance key from the configuration (the same on every node of the consortium). */
  @Override
  public Ed25519PublicKey governanceKey() {
    return config.governanceKey();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (sender != null) {
      sender.close();
    }
    reader.close();
    core.failAll(new LedgerException("EVM ledger closed"));
    rpc.close();
  }
}
