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
    l.setLogIndex(Numeric.encodeQuantity(BigInteger.valueOf(seq)));
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
  void check_followsOnAndMatchesTheCounter_noProblem() {
    ChainRange.Check c = range(9, OptionalLong.of(7), 5, 6, 7).check(4, 0, Long.MAX_VALUE);

    assertThat(c.problem()).isEmpty();
    assertThat(c.continuous()).isEqualTo(3);
    assertThat(c.lastSeq()).isEqualTo(7);
  }

  @Test
  void check_missingNumber_namesExpectedAndGotAndCountsWhatFollowsOnBeforeIt() {
    ChainRange.Check c = range(9, OptionalLong.empty(), 41, 43, 44).check(40, 0, Long.MAX_VALUE);

    assertThat(c.problem())
        .hasValue("Appended events out of sequence: expected 42, got 43 in block 9");
    assertThat(c.continuous()).isEqualTo(1);
    assertThat(c.lastSeq()).isEqualTo(41);
  }

  @Test
  void check_counterAheadOfTheEvents_namesBoth() {
    ChainRange.Check c = range(12, OptionalLong.of(350), 348, 349).check(347, 0, Long.MAX_VALUE);

    assertThat(c.problem())
        .hasValue("the contract counts 350 operations at block 12 but its events end at 349");
    assertThat(c.continuous()).isEqualTo(2);
  }

  @Test
  void check_readAgain_skipsWhatWasAppliedByChainPosition() {
    // events 347 and 348 (log indexes 347, 348 of block 12) were applied by an earlier read
    ChainRange.Check c = range(12, OptionalLong.of(350), 347, 348, 349, 350).check(348, 12, 348);

    assertThat(c.problem()).isEmpty();
    assertThat(c.fresh()).hasSize(2);
    assertThat(c.lastSeq()).isEqualTo(350);
  }

  @Test
  void check_sequenceNumberUsedAgainAfterTheAppliedPosition_reportedNotSkipped() {
    // a broken node appends a second event numbered 349 after the applied one
    ChainRange.Check again = range(13, OptionalLong.empty(), 349).check(349, 12, Long.MAX_VALUE);
    assertThat(again.fresh()).hasSize(1);
    assertThat(again.problem())
        .hasValue("Appended events out of sequence: expected 350, got 349 in block 13");
  }

  @Test
  void check_noEventsAndCounterUnknownOrEqual_noProblem() {
    assertThat(range(12, OptionalLong.empty()).check(349, 0, Long.MAX_VALUE).problem()).isEmpty();
    ChainRange.Check equal = range(12, OptionalLong.of(349)).check(349, 0, Long.MAX_VALUE);
    assertThat(equal.problem()).isEmpty();
    assertThat(equal.lastSeq()).isEqualTo(349);
  }

  @Test
  void check_firstRangeOfAFreshReader_takesAnyFirstNumber() {
    assertThat(range(3, OptionalLong.of(12), 10, 11, 12).check(-1, 0, Long.MAX_VALUE).problem())
        .isEmpty();
  }
}
