package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.Operation;
import io.mip.ledger.TestStream;
import org.junit.jupiter.api.Test;

class PendingOpsTest {
  @Test
  void add_operationPutBackAfterLaterOnes_keptInSubmissionOrderWithinItsStream() {
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation second = s.next();
    Operation third = s.next();
    PendingOps pending = new PendingOps();
    pending.add(new Submission(third, 7));
    pending.add(new Submission(first, 2));
    pending.add(new Submission(second, 5));

    assertThat(pending.ofStream(s.id())).containsExactly(first, second, third);

    pending.remove(second.id());

    assertThat(pending.ofStream(s.id())).containsExactly(first, third);
    assertThat(pending.size()).isEqualTo(2);
  }
}
