package io.mip.ledger.evm.internal;

import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Hands a verified range's events to the ledger, block by block: decodes each event's operation and
 * checks its signature (in parallel), skipping events that are not well-formed operations or whose
 * stream topic is not keccak256 of the operation's own stream.
 */
final class BlockReplay {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReplay.class);

  private BlockReplay() {}

  /**
   * Applies the operations of {@code logs} (events of the range {@code r}, in order) through {@code
   * sink}, one call per block with events.
   */
  static void replay(ChainRange r, List<Log> logs, LogFollower.Sink sink) {
    LogFollower.Replayed[] decoded = new LogFollower.Replayed[logs.size()];
    IntStream.range(0, logs.size())
        .parallel()
        .forEach(k -> decoded[k] = decodeAndVerify(logs.get(k), sink));
    int k = 0;
    while (k < logs.size()) {
      long b = logs.get(k).getBlockNumber().longValueExact();
      List<LogFollower.Replayed> ops = new ArrayList<>();
      for (; k < logs.size() && logs.get(k).getBlockNumber().longValueExact() == b; k++) {
        if (decoded[k] != null) {
          ops.add(decoded[k]);
        }
      }
      EthBlock.Block h = r.header(b);
      sink.apply(
          new ChainBlock(
              b,
              h.getHash(),
              h.getParentHash(),
              Instant.ofEpochSecond(h.getTimestamp().longValueExact())),
          ops);
    }
  }

  /** Parses the event's operation and checks its signature; null when it is not one. */
  private static LogFollower.Replayed decodeAndVerify(Log l, LogFollower.Sink sink) {
    Operation op = decode(l);
    if (op == null) {
      return null;
    }
    return new LogFollower.Replayed(op, sink.signatureKnownValid(op.id()) || op.signatureValid());
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
}
