package io.mip.ledger.evm.internal;

import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The reader: follows the contract's {@code Appended} events with {@code eth_getLogs} over block
 * ranges, in (block, log index) order, and hands each block's well-formed operations to the ledger,
 * which verifies and applies them. It only reads blocks at least {@code confirmations} below the
 * chain head (0 on QBFT, whose blocks are final when produced).
 *
 * <p>It checks that the contract's sequence numbers arrive without gaps, so a node that leaves out
 * events is noticed (the poll fails and is retried) instead of silently skipping operations. Events
 * that are not well-formed operations, or whose stream topic does not match the operation's stream,
 * are skipped: they are in the contract's sequence but not in MIP's state.
 */
public final class LogFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
  private static final int MAX_RANGE = 2_000;

  /** Receives each block's operations, in order. */
  public interface Sink {
    /** Verifies and applies the operations of one block. */
    void apply(ChainBlock block, List<Replayed> operations);

    /**
     * Whether the signature of the operation with this id was already verified (this node's own
     * submissions: the id covers the signature, so the result cannot differ).
     */
    boolean signatureKnownValid(OperationId id);
  }

  /** A well-formed operation read from an event, with its signature already checked. */
  public record Replayed(Operation op, boolean signatureValid) {}

  private final Rpc rpc;
  private final String contract;
  private final int confirmations;
  private final long pollMillis;
  private final Sink sink;
  private final Object wake = new Object();
  private Thread thread;
  private volatile boolean running = true;
  private volatile long height;
  private long next;
  private long lastSeq = -1;
  private int range = MAX_RANGE;
  private boolean woken;

  /** Creates a reader that starts at block {@code fromBlock}. */
  public LogFollower(
      Rpc rpc, String contract, long fromBlock, int confirmations, Duration poll, Sink sink) {
    this.rpc = rpc;
    this.contract = contract;
    this.confirmations = confirmations;
    this.pollMillis = Math.max(1, poll.toMillis());
    this.sink = sink;
    this.next = fromBlock;
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

  /** Replays every block up to the chain head minus the confirmations. */
  public synchronized void catchUp() throws IOException {
    long safe = rpc.blockNumber() - confirmations;
    while (next <= safe) {
      long to = Math.min(safe, next + range - 1);
      List<Log> logs;
      try {
        logs = rpc.logs(contract, MipLedgerContract.APPENDED_TOPIC, next, to);
      } catch (RpcException e) {
        if (range > 1) {
          range = Math.max(1, range / 2);
          continue;
        }
        throw e;
      }
      replay(logs);
      next = to + 1;
      height = to;
    }
  }

  private void replay(List<Log> logs) throws IOException {
    List<Log> sorted = new ArrayList<>();
    for (Log l : logs) {
      if (!l.isRemoved()) {
        sorted.add(l);
      }
    }
    sorted.sort(Comparator.comparing(Log::getBlockNumber).thenComparing(Log::getLogIndex));
    long seq = lastSeq;
    List<Long> numbers = new ArrayList<>();
    for (Log l : sorted) {
      seq = checkSequence(seq, l);
      long b = l.getBlockNumber().longValueExact();
      if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != b) {
        numbers.add(b);
      }
    }
    Map<Long, EthBlock.Block> headers = rpc.blocks(numbers);
    Replayed[] decoded = new Replayed[sorted.size()];
    IntStream.range(0, sorted.size())
        .parallel()
        .forEach(k -> decoded[k] = decodeAndVerify(sorted.get(k)));
    int k = 0;
    for (long b : numbers) {
      List<Replayed> ops = new ArrayList<>();
      for (; k < sorted.size() && sorted.get(k).getBlockNumber().longValueExact() == b; k++) {
        if (decoded[k] != null) {
          ops.add(decoded[k]);
        }
      }
      EthBlock.Block h = headers.get(b);
      sink.apply(
          new ChainBlock(
              b,
              h.getHash(),
              h.getParentHash(),
              Instant.ofEpochSecond(h.getTimestamp().longValueExact())),
          ops);
    }
    lastSeq = seq;
  }

  /** Parses the event's operation and checks its signature; null when it is not one. */
  private Replayed decodeAndVerify(Log l) {
    Operation op = decode(l);
    if (op == null) {
      return null;
    }
    return new Replayed(op, sink.signatureKnownValid(op.id()) || op.signatureValid());
  }

  private long checkSequence(long last, Log l) throws IOException {
    List<String> topics = l.getTopics();
    if (topics.size() != 3) {
      throw new IOException("Appended event with " + topics.size() + " topics");
    }
    long seq = Numeric.toBigInt(topics.get(2)).longValueExact();
    if (last >= 0 && seq != last + 1) {
      throw new IOException(
          "Appended events out of sequence: expected " + (last + 1) + ", got " + seq);
    }
    return seq;
  }

  private static Operation decode(Log l) {
    try {
      Operation op = Operation.parse(MipLedgerContract.decodeAppendedData(l.getData()));
      byte[] topic = Numeric.hexStringToByteArray(l.getTopics().get(1));
      if (!Arrays.equals(topic, MipLedgerContract.streamKey(op.stream()))) {
        LOG.debug("EVM reader: skipping an operation filed under another stream's topic");
        return null;
      }
      return op;
    } catch (MalformedOperationException | IllegalArgumentException e) {
      LOG.debug("EVM reader: skipping a malformed operation: {}", e.getMessage());
      return null;
    }
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
