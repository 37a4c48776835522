package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

class ChainRangeTest {
  private static Log event(long block, long seq) {
    Log l = new Log();
    l.setBlockNumber(Numeric.encodeQuantity(BigInteger.valueOf(block)));
    l.setTopics(
        List.of(
            MipLedgerContract.APPENDED_TOPIC,
            "0x" + "00".repeat(32),
            Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(seq), 64)));
    return l;
  }

  private static ChainRange range(long to, OptionalLong counter, long... seqs) {
    List<Log> logs = new ArrayList<>();
    for (long s : seqs) {
      logs.add(event(to, s));
    }
    return new ChainRange(to, logs, Map.of(), counter, true);
  }

  @Test
  void sequenceProblem_followsOnAndMatchesTheCounter_none() {
    ChainRange r = range(9, OptionalLong.of(7), 5, 6, 7);

    assertThat(r.sequenceProblem(4)).isEmpty();
    assertThat(r.lastSeq(4)).isEqualTo(7);
  }

  @Test
  void sequenceProblem_missingNumber_namesExpectedAndGot() {
    ChainRange r = range(9, OptionalLong.empty(), 43, 44);

    assertThat(r.sequenceProblem(41))
        .hasValue("Appended events out of sequence: expected 42, got 43 in block 9");
  }

  @Test
  void sequenceProblem_counterAheadOfTheEvents_namesBoth() {
    ChainRange r = range(12, OptionalLong.of(350), 348, 349);

    assertThat(r.sequenceProblem(347))
        .hasValue("the contract counts 350 operations at block 12 but its events end at 349");
  }

  @Test
  void sequenceProblem_noEventsAndCounterUnknownOrEqual_none() {
    assertThat(range(12, OptionalLong.empty()).sequenceProblem(349)).isEmpty();
    assertThat(range(12, OptionalLong.of(349)).sequenceProblem(349)).isEmpty();
    assertThat(range(12, OptionalLong.of(349)).lastSeq(349)).isEqualTo(349);
  }

  @Test
  void sequenceProblem_firstRangeOfAFreshReader_takesAnyFirstNumber() {
    assertThat(range(3, OptionalLong.of(12), 10, 11, 12).sequenceProblem(-1)).isEmpty();
  }
}
