package io.mip.ledger.evm.internal;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The reader: follows the contract's {@code Appended} events with {@code eth_getLogs} over block
 * ranges, in (block, log index) order, and hands each block's well-formed operations to the ledger,
 * which verifies and applies them. It only reads blocks at least {@code confirmations} below the
 * chain head (0 on QBFT, whose blocks are final when produced).
 *
 * <p>Each block range is checked before anything of it is applied ({@link ChainRange}): the block
 * hashes the events name are the chain's, and the range continues the last verified block (its
 * parent hash). Its events are then applied only as far as the contract's sequence numbers follow
 * on without a gap, and the range becomes verified (a checkpoint the reader reads on from) only
 * when they all do and the contract's own counter at its last block equals the last number read.
 * What fails is repaired, never skipped:
 *
 * <ul>
 *   <li>a reorganisation (the last verified block is no longer on the chain, or the chain is
 *       shorter than it, as after a node restart that lost its newest blocks): the ledger rolls
 *       back to the newest verified block still on the chain ({@link Checkpoints}) and the reader
 *       reads on from there; this node's own rolled-back operations are sent again;
 *   <li>a gap (sequence numbers missing, or fewer events than the counter): what follows on without
 *       a gap is applied at once, and the reader reads again from the last verified block (skipping
 *       what it applied), so an incomplete answer from the node (a log index lagging behind its
 *       blocks; on anvil, a counter read while the next block is being mined) fills in. Only if the
 *       same operations are still missing from the same chain after {@link #GAP_GRACE} does the
 *       reader take the chain as it is, with a warning: those operations are then not in this
 *       chain's history (a node that lost blocks in a restart can end up so), a late reader of the
 *       chain sees the same, and their writers' senders write them again.
 * </ul>
 *
 * <p>Events that are not well-formed operations, or whose stream topic does not match the
 * operation's stream, are skipped: they are in the contract's sequence but not in MIP's state.
 */
public final class LogFollower implements AutoCloseable {
  /** How long a gap must persist on the same chain before the reader takes the chain as it is. */
  static final Duration GAP_GRACE = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
  private static final int MAX_RANGE = 2_000;

  /** Receives each block's operations, in order, and the reader's repairs. */
  public interface Sink {
    /** Verifies and applies the operations of one block. */
    void apply(ChainBlock block, List<Replayed> operations);

    /**
     * Whether the signature of the operation with this id was already verified (this node's own
     * submissions: the id covers the signature, so the result cannot differ).
     */
    boolean signatureKnownValid(OperationId id);

    /** Forgets everything applied from blocks above {@code toBlock}: the chain reorganised. */
    void rollback(long toBlock);

    /** Blocks up to {@code block} can no longer be rolled back individually. */
    void settled(long block);

    /** The reader rolled back or took a gap: transactions thought mined may be lost. */
    void chainRepaired();
  }

  /** A well-formed operation read from an event, with its signature already checked. */
  public record Replayed(Operation op, boolean signatureValid) {}

  private record Gap(long firstMissing, String verifiedHash, long since) {}

  private final Rpc rpc;
  private final String contract;
  private final long fromBlock;
  private final int confirmations;
  private final long pollMillis;
  private final Sink sink;
  private final Checkpoints checkpoints = new Checkpoints();
  private final Object wake = new Object();
  private Thread thread;
  private volatile boolean running = true;
  private volatile long height;
  private long next;
  private long lastSeq = -1;
  private long appliedBlock;
  private long appliedIndex = Long.MAX_VALUE;
  private int range = MAX_RANGE;
  private Gap gap;
  private boolean woken;

  /** Creates a reader that starts at block {@code fromBlock}. */
  public LogFollower(
      Rpc rpc, String contract, long fromBlock, int confirmations, Duration poll, Sink sink) {
    this.rpc = rpc;
    this.contract = contract;
    this.fromBlock = fromBlock;
    this.confirmations = confirmations;
    this.pollMillis = Math.max(1, poll.toMillis());
    this.sink = sink;
    this.next = fromBlock;
    this.appliedBlock = fromBlock - 1;
    this.height = Math.max(0, fromBlock - 1);
  }

  /** Starts polling in a background thread. */
  public void start() {
    thread = new Thread(this::run, "mip-evm-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The highest chain block replayed so far. */
  public long height() {
    return height;
  }

  /** Asks the reader to poll now instead of at the end of its interval. */
  public void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void run() {
    long lastWarn = 0;
    while (running) {
      try {
        catchUp();
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        long now = System.currentTimeMillis();
        if (now - lastWarn > 5_000) {
          LOG.warn("EVM reader: {}", e.getMessage());
          lastWarn = now;
        }
      }
      synchronized (wake) {
        if (!woken && running) {
          try {
            wake.wait(pollMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        woken = false;
      }
    }
  }

  /**
   * Replays every block up to the chain head minus the confirmations, repairing reorganisations and
   * re-reading gaps (for up to {@link #GAP_GRACE}) on the way.
   *
   * @throws IOException when the node cannot be reached or its answers do not fit together
   */
  public synchronized void catchUp() throws IOException {
    while (true) {
      try {
        catchUpOnce();
        return;
      } catch (ChainRange.GapException e) {
        if (!running) {
          throw e;
        }
        if (e.progressed()) {
          continue; // read again at once: the gap may be behind what just arrived
        }
        try {
          Thread.sleep(Math.min(Math.max(pollMillis, 20), 500));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while re-reading a gap");
        }
      }
    }
  }

  private void catchUpOnce() throws IOException {
    EthBlock.Block head = rpc.latestBlock();
    long headNumber = head.getNumber().longValueExact();
    Checkpoints.Checkpoint verified = checkpoints.last();
    if (verified != null && headNumber < verified.number()) {
      rollBack(
          headNumber, "the chain's head " + headNumber + " is below block " + verified.number());
    } else if (verified != null
        && headNumber == verified.number()
        && !head.getHash().equalsIgnoreCase(verified.hash())) {
      rollBack(headNumber, "block " + headNumber + " was replaced");
    }
    long safe = headNumber - confirmations;
    while (next <= safe) {
      long to = Math.min(safe, next + range - 1);
      String toHash = to == headNumber ? head.getHash() : hashAt(to);
      verified = checkpoints.last();
      ChainRange r;
      try {
        r =
            ChainRange.read(
                rpc, contract, next, to, toHash, verified == null ? null : verified.hash());
      } catch (RpcException e) {
        if (range > 1) {
          range = Math.max(1, range / 2);
          continue;
        }
        throw e;
      }
      if (!r.continuesVerified()) {
        rollBack(headNumber, "block " + next + " does not follow block " + verified.number());
        continue;
      }
      ChainRange.Check c = r.check(lastSeq, appliedBlock, appliedIndex);
      List<Log> fresh = c.fresh();
      // what follows on without a gap is applied at once, so its submitters are not held up
      applied(r, fresh.subList(0, c.continuous()));
      lastSeq = c.lastSeq();
      if (c.problem().isPresent()) {
        awaitGap(c.problem().get(), c.continuous() > 0);
        applied(r, fresh.subList(c.continuous(), fresh.size()));
        if (!fresh.isEmpty()) {
          lastSeq = Math.max(lastSeq, ChainRange.seqOf(fresh.get(fresh.size() - 1)));
        }
        lastSeq = Math.max(lastSeq, r.counter().orElse(-1));
      }
      gap = null;
      appliedBlock = to;
      appliedIndex = Long.MAX_VALUE;
      Checkpoints.Checkpoint dropped =
          checkpoints.add(new Checkpoints.Checkpoint(to, toHash, lastSeq));
      if (dropped != null) {
        sink.settled(dropped.number());
      }
      next = to + 1;
      height = to;
    }
  }

  /** Applies {@code logs} and records the last one's chain position. */
  private void applied(ChainRange r, List<Log> logs) {
    if (!logs.isEmpty()) {
      BlockReplay.replay(r, logs, sink);
      Log last = logs.get(logs.size() - 1);
      appliedBlock = last.getBlockNumber().longValueExact();
      appliedIndex = last.getLogIndex().longValueExact();
    }
  }

  /**
   * Throws a {@link ChainRange.GapException} (the caller reads again from the last verified block,
   * skipping what it applied) while the same gap on the same verified chain is within its grace
   * period; returns, taking the chain as it is, once the gap outlived it.
   */
  private void awaitGap(String problem, boolean progressed) throws ChainRange.GapException {
    String verifiedHash = checkpoints.last() == null ? "" : checkpoints.last().hash();
    long now = System.currentTimeMillis();
    if (gap == null
        || gap.firstMissing() != lastSeq + 1
        || !gap.verifiedHash().equals(verifiedHash)) {
      gap = new Gap(lastSeq + 1, verifiedHash, now);
      LOG.debug("EVM reader: {}; reading again from block {}", problem, next);
    }
    if (now - gap.since() < GAP_GRACE.toMillis()) {
      throw new ChainRange.GapException(problem + "; reading again from block " + next, progressed);
    }
    LOG.warn(
        "EVM reader: {}, still after reading again from block {} for {} s: taking the chain as it"
            + " is; those operations are not in its history (their writers send them again)",
        problem,
        next,
        GAP_GRACE.toSeconds());
    sink.chainRepaired();
  }

  private void rollBack(long headNumber, String why) throws IOException {
    Optional<Checkpoints.Checkpoint> fork = checkpoints.forkPoint(headNumber, this::hashAt);
    long to;
    if (fork.isPresent()) {
      to = fork.get().number();
      checkpoints.dropAbove(to);
      lastSeq = fork.get().lastSeq();
    } else {
      to = fromBlock - 1;
      checkpoints.clear();
      lastSeq = -1;
    }
    next = to + 1;
    height = Math.max(0, to);
    appliedBlock = to;
    appliedIndex = Long.MAX_VALUE;
    gap = null;
    LOG.warn("EVM reader: {}: the chain reorganised; reading again from block {}", why, next);
    sink.rollback(to);
    sink.chainRepaired();
  }

  private String hashAt(long number) throws IOException {
    return rpc.blocks(List.of(number)).get(number).getHash();
  }

  @Override
  public void close() {
    running = false;
    wake();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
