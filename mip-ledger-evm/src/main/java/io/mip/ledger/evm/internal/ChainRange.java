package io.mip.ledger.evm.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * One block range of {@code Appended} events as the reader read it, with what it needs to verify
 * the range before applying it: the headers of its first and last block and of every block with an
 * event, and the contract's counter ({@code sequence()}) at its last block when the node can still
 * answer for that block.
 *
 * <p>{@link #read} fails with an {@link IOException} when the chain changed while the range was
 * read (the last block's hash differs before and after, or an event names a block hash that is not
 * the chain's), so the reader reads it again.
 */
final class ChainRange {
  /** Events are missing: the range does not follow on from the last verified sequence number. */
  static final class GapException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean progressed;

    GapException(String message, boolean progressed) {
      super(message);
      this.progressed = progressed;
    }

    /** Whether the read that found the gap applied operations before it. */
    boolean progressed() {
      return progressed;
    }
  }

  private final long to;
  private final List<Log> logs;
  private final Map<Long, EthBlock.Block> headers;
  private final OptionalLong counter;
  private final boolean continuesVerified;

  ChainRange(
      long to,
      List<Log> logs,
      Map<Long, EthBlock.Block> headers,
      OptionalLong counter,
      boolean continuesVerified) {
    this.to = to;
    this.logs = logs;
    this.headers = headers;
    this.counter = counter;
    this.continuesVerified = continuesVerified;
  }

  /**
   * Reads blocks {@code from..to} of the contract's events.
   *
   * @param toHash the hash of block {@code to} taken before the read
   * @param verifiedHash the hash of the last verified block ({@code from - 1}), null when none
   * @throws RpcException when the node refuses the range (the reader then reads smaller ones)
   * @throws IOException when the node cannot be reached or the chain changed during the read
   */
  static ChainRange read(
      Rpc rpc, String contract, long from, long to, String toHash, String verifiedHash)
      throws IOException {
    List<Log> logs = new ArrayList<>();
    for (Log l : rpc.logs(contract, MipLedgerContract.APPENDED_TOPIC, from, to)) {
      if (!l.isRemoved()) {
        if (l.getTopics().size() != 3) {
          throw new IOException("Appended event with " + l.getTopics().size() + " topics");
        }
        logs.add(l);
      }
    }
    logs.sort(Comparator.comparing(Log::getBlockNumber).thenComparing(Log::getLogIndex));
    TreeSet<Long> numbers = new TreeSet<>(List.of(from, to));
    for (Log l : logs) {
      numbers.add(l.getBlockNumber().longValueExact());
    }
    Rpc.BlocksAndCall answer =
        rpc.blocksAndCall(new ArrayList<>(numbers), contract, MipLedgerContract.sequence(), to);
    Map<Long, EthBlock.Block> headers = answer.blocks();
    OptionalLong counter = counter(answer.call());
    if (!headers.get(to).getHash().equalsIgnoreCase(toHash)) {
      throw changed(from, to);
    }
    boolean continues =
        verifiedHash == null || headers.get(from).getParentHash().equalsIgnoreCase(verifiedHash);
    if (continues) {
      for (Log l : logs) {
        EthBlock.Block h = headers.get(l.getBlockNumber().longValueExact());
        if (l.getBlockHash() == null || !l.getBlockHash().equalsIgnoreCase(h.getHash())) {
          throw changed(from, to);
        }
      }
    }
    return new ChainRange(to, logs, headers, counter, continues);
  }

  private static IOException changed(long from, long to) {
    return new IOException(
        "the chain changed while blocks " + from + "-" + to + " were read; reading them again");
  }

  /** The counter from the view's result; empty when the node could not answer for that block. */
  private static OptionalLong counter(Optional<String> hex) {
    if (hex.isEmpty()) {
      return OptionalLong.empty();
    }
    if (Numeric.cleanHexPrefix(hex.get()).isEmpty()) {
      return OptionalLong.of(0); // no contract code at that block yet
    }
    return OptionalLong.of(MipLedgerContract.decodeUint(hex.get()));
  }

  /** Whether the first block's parent is the last verified block (false: the chain reorganised). */
  boolean continuesVerified() {
    return continuesVerified;
  }

  /**
   * How the range's events follow on from the last applied sequence number.
   *
   * @param fresh the events after the given chain position, in order; those at or before it were
   *     applied from an earlier read of the same blocks
   * @param continuous how many of {@code fresh}, from the first, follow on without a gap
   * @param lastSeq the sequence number of the last of those, or the given one when none
   * @param problem what does not fit: a number that does not follow its predecessor, or a counter
   *     at the range's last block other than the last number read; empty when all fits
   */
  record Check(List<Log> fresh, int continuous, long lastSeq, Optional<String> problem) {}

  /**
   * Checks the range's events after chain position ({@code appliedBlock}, {@code appliedIndex}) —
   * the last event applied, or a block's end with {@link Long#MAX_VALUE} — against {@code lastSeq}
   * (-1: none read yet, so any first number is taken) and the contract's counter at the last block.
   */
  Check check(long lastSeq, long appliedBlock, long appliedIndex) {
    List<Log> fresh = new ArrayList<>();
    for (Log l : logs) {
      long b = l.getBlockNumber().longValueExact();
      if (b > appliedBlock
          || (b == appliedBlock && l.getLogIndex().longValueExact() > appliedIndex)) {
        fresh.add(l);
      }
    }
    long seq = lastSeq;
    int continuous = 0;
    for (Log l : fresh) {
      long s = seqOf(l);
      if (seq >= 0 && s != seq + 1) {
        return new Check(
            fresh,
            continuous,
            seq,
            Optional.of(
                "Appended events out of sequence: expected "
                    + (seq + 1)
                    + ", got "
                    + s
                    + " in block "
                    + l.getBlockNumber()));
      }
      seq = s;
      continuous++;
    }
    if (counter.isPresent() && seq >= 0 && counter.getAsLong() != seq) {
      return new Check(
          fresh,
          continuous,
          seq,
          Optional.of(
              "the contract counts "
                  + counter.getAsLong()
                  + " operations at block "
                  + to
                  + " but its events end at "
                  + seq));
    }
    return new Check(fresh, continuous, seq, Optional.empty());
  }

  /** The contract's counter at the last block, when known. */
  OptionalLong counter() {
    return counter;
  }

  /** The header of block {@code number} (the first, the last, or one with events). */
  EthBlock.Block header(long number) {
    return headers.get(number);
  }

  /** The contract sequence number an event carries. */
  static long seqOf(Log l) {
    return Numeric.toBigInt(l.getTopics().get(2)).longValueExact();
  }
}
