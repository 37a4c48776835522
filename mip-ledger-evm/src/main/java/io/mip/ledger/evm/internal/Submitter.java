package io.mip.ledger.evm.internal;

import io.mip.ledger.LedgerException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single sender thread: it owns the account's nonce, batches queued submissions into one {@code
 * append}/{@code appendBatch} transaction each, keeps up to {@link #MAX_IN_FLIGHT} transactions in
 * flight, and recovers from node failures without losing or duplicating an operation.
 *
 * <p>Recovery: a transaction is recorded as in flight, with its locally computed hash, before it is
 * sent. On any failure the sender re-syncs: it lets the reader catch up (so operations already on
 * the chain are known), asks the node for the account's pending and latest nonce, keeps
 * transactions still in the node's pool, and puts the operations of lost or replaced transactions
 * back in the queue. The queue is ordered by submission order, so re-sent operations go out before
 * later ones that may chain on them. Operations the reader has seen are never sent again; if a
 * transaction thought lost is mined after all, readers ignore the exact duplicates by operation id.
 * The reader asks for a re-sync ({@link #resyncSoon()}) when it repaired its view of the chain.
 */
public final class Submitter implements AutoCloseable {
  /** Most transactions sent and not yet replayed. */
  static final int MAX_IN_FLIGHT = 16;

  /**
   * Transactions in flight below which a batch is sent as soon as it has one operation; above it,
   * only full batches go out until one is replayed. Few, full transactions beat many small ones (a
   * dev node mines a block per transaction; a QBFT block has room for all of them anyway).
   */
  static final int EAGER_IN_FLIGHT = 2;

  /**
   * Threads delivering signed transactions: a dev node that mines inside eth_sendRawTransaction
   * would otherwise hold the sender for a block time per transaction. Nodes keep a transaction that
   * arrives before its predecessor (a nonce gap) until the gap is filled.
   */
  private static final int SEND_THREADS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(Submitter.class);

  /** What the sender needs from the ledger around it. */
  public interface Host {
    /** Removes the submissions from the pending set and fails their futures. */
    void failed(List<Submission> submissions, LedgerException cause);

    /** Runs the reader now, up to the chain's current head. */
    void catchUp() throws IOException;

    /** Tells the reader a transaction was sent or mined, so it polls soon. */
    void wakeReader();
  }

  private final Rpc rpc;
  private final EthAccount account;
  private final String contract;
  private final long chainId;
  private final Host host;
  private final long pollMillis;
  private final InFlightTxs inFlight;
  private final PriorityBlockingQueue<Submission> queue =
      new PriorityBlockingQueue<>(64, Comparator.comparingLong(Submission::order));
  private final Thread thread;
  private final ExecutorService senders;
  private final ConcurrentLinkedQueue<SendFailure> sendFailures = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  private final AtomicBoolean resyncRequested = new AtomicBoolean();
  private final WriterCheck writer;
  private long nextNonce = -1;
  private boolean resyncNeeded = true;

  /** Creates the sender; {@link #start()} starts its thread. */
  public Submitter(
      Rpc rpc, EthAccount account, String contract, long chainId, Duration poll, Host host) {
    this.rpc = rpc;
    this.account = account;
    this.contract = contract;
    this.chainId = chainId;
    this.host = host;
    this.pollMillis = Math.max(1, poll.toMillis());
    this.writer = new WriterCheck(rpc, account.address(), contract);
    this.inFlight =
        new InFlightTxs(
            rpc,
            account.address(),
            host,
            Math.max(4 * pollMillis, 1_000),
            Math.max(50 * pollMillis, 15_000));
    this.thread = new Thread(this::run, "mip-evm-sender");
    thread.setDaemon(true);
    AtomicInteger n = new AtomicInteger();
    this.senders =
        Executors.newFixedThreadPool(
            SEND_THREADS,
            r -> {
              Thread t = new Thread(r, "mip-evm-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the sender thread. */
  public void start() {
    thread.start();
  }

  /** Queues a submission for the next transaction, at its place in submission order. */
  public void enqueue(Submission s) {
    if (!running) {
      throw new LedgerException("EVM ledger is closed");
    }
    queue.add(s);
    LockSupport.unpark(thread);
  }

  /**
   * Asks the sender to re-sync with the node before its next transaction (the reader rolled back a
   * reorganisation or found operations missing from the chain).
   */
  public void resyncSoon() {
    resyncRequested.set(true);
    LockSupport.unpark(thread);
  }

  private void run() {
    long backoff = pollMillis;
    while (running) {
      try {
        handleSendFailures();
        resyncNeeded |= resyncRequested.getAndSet(false);
        if (resyncNeeded) {
          resync();
          backoff = pollMillis;
        }
        resyncNeeded |= inFlight.check();
        if (inFlight.takeReverted()) {
          writer.recheck();
        }
        if (inFlight.size() >= MAX_IN_FLIGHT
            || (inFlight.size() >= EAGER_IN_FLIGHT && queue.size() < TxBatch.MAX_OPS)) {
          // let operations gather into a fuller transaction; woken by a replayed transaction or
          // a new submission
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pollMillis));
          continue;
        }
        Submission first = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
          TxBatch batch = TxBatch.collect(first, queue);
          if (!batch.isEmpty()) {
            send(batch);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        if (!running) {
          return;
        }
        LOG.warn("EVM sender: {}; re-syncing in {} ms", e.getMessage(), backoff);
        resyncNeeded = true;
        if (!sleep(backoff)) {
          return;
        }
        backoff = Math.min(backoff * 2, 2_000);
      } catch (RuntimeException e) {
        LOG.error("EVM sender: unexpected failure", e);
        resyncNeeded = true;
        if (!sleep(backoff)) {
          return;
        }
      }
    }
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void send(TxBatch batch) throws IOException {
    EthAccount.SignedTx signed;
    try {
      if (!writer.allowed()) {
        host.failed(
            batch.submissions(),
            new LedgerException(
                "account " + account.address() + " is not an allowed writer of " + contract));
        return;
      }
      signed = account.sign(chainId, nextNonce, batch.gas(), contract, batch.callData());
    } catch (IOException | RuntimeException e) {
      requeue(batch.submissions());
      throw e;
    }
    InFlightTxs.Tx f = inFlight.add(signed, batch);
    nextNonce++;
    List<Submission> subs = batch.submissions();
    subs.get(subs.size() - 1).result().whenComplete((a, e) -> LockSupport.unpark(thread));
    senders.execute(
        () -> {
          try {
            rpc.sendRaw(f.signed.rawHex());
            host.wakeReader();
          } catch (IOException e) {
            sendFailures.add(new SendFailure(f, e));
          }
        });
  }

  /**
   * Handles transactions the node refused or that could not be delivered. A refusal over the nonce
   * puts the operations back in the queue; any other refusal fails them; a transport failure leaves
   * the transaction in flight for the re-sync to find out whether the node got it.
   */
  private void handleSendFailures() {
    SendFailure sf;
    while ((sf = sendFailures.poll()) != null) {
      if (!(sf.error() instanceof RpcException e)) {
        LOG.warn(
            "EVM sender: sending {} failed: {}", sf.f().signed.hash(), sf.error().getMessage());
        resyncNeeded = true;
        continue;
      }
      if (e.getMessage().toLowerCase(Locale.ROOT).contains("already known")) {
        continue;
      }
      inFlight.remove(sf.f());
      resyncNeeded = true;
      if (e.nonceConflict()) {
        requeue(sf.f().batch.unfinished());
      } else {
        host.failed(
            sf.f().batch.unfinished(),
            new LedgerException("the node refused the transaction: " + e, e));
      }
    }
  }

  private record SendFailure(InFlightTxs.Tx f, IOException error) {}

  private void requeue(List<Submission> subs) {
    for (Submission s : subs) {
      if (!s.done()) {
        queue.add(s);
      }
    }
  }

  private void resync() throws IOException {
    host.catchUp();
    long pendingCount = rpc.nonce(account.address(), true);
    long latestCount = rpc.nonce(account.address(), false);
    List<Submission> lost = inFlight.resync(pendingCount, latestCount);
    if (inFlight.takeReverted()) {
      writer.recheck();
    }
    if (!lost.isEmpty()) {
      LOG.info("EVM sender: re-sending {} operations of lost transactions", lost.size());
      requeue(lost);
    }
    nextNonce = pendingCount;
    resyncNeeded = false;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    senders.shutdownNow();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Submission> left = new ArrayList<>(queue);
    queue.clear();
    left.addAll(inFlight.drainUnfinished());
    host.failed(left, new LedgerException("EVM ledger closed before the operation was confirmed"));
  }
}
