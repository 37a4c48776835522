package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.TestStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxBatchTest {
  @Test
  void gas_largestBatches_fitUnderTheTransactionGasCap() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("blob", "x".repeat(Operation.MAX_BYTES - 400));
    Operation big = Operation.sign("test.op", "s", null, payload, Ed25519PrivateKey.generate());
    assertThat(new TxBatch(List.of(new Submission(big))).gas()).isLessThan(TxBatch.GAS_CAP);
    List<Submission> many = new ArrayList<>();
    for (int i = 0; i < TxBatch.MAX_OPS; i++) {
      many.add(new Submission(TestStream.create().next()));
    }
    // 256 ops of ~300 bytes plus a generous per-op allowance
    assertThat(new TxBatch(many).gas()).isBetween(2_000_000L, TxBatch.GAS_CAP);
  }

  @Test
  void collect_queuedSubmissions_takesInOrderSkipsDoneAndStopsAtTheLimit() {
    java.util.concurrent.LinkedBlockingDeque<Submission> queue =
        new java.util.concurrent.LinkedBlockingDeque<>();
    Submission first = new Submission(TestStream.create().next());
    Submission done = new Submission(TestStream.create().next());
    done.result().complete(null);
    queue.add(done);
    for (int i = 0; i < TxBatch.MAX_OPS + 5; i++) {
      queue.add(new Submission(TestStream.create().next()));
    }
    TxBatch batch = TxBatch.collect(first, queue);
    assertThat(batch.submissions()).hasSize(TxBatch.MAX_OPS).startsWith(first);
    assertThat(batch.submissions()).doesNotContain(done);
    // 1 skipped + 255 taken from the queue of 1 + MAX_OPS + 5
    assertThat(queue).hasSize(6);
  }

  @Test
  void callData_oneStreamOrSeveral_appendOrAppendBatch() {
    TestStream s = TestStream.create();
    TxBatch same = new TxBatch(List.of(new Submission(s.next()), new Submission(s.next())));
    TxBatch mixed =
        new TxBatch(
            List.of(
                new Submission(TestStream.create().next()),
                new Submission(TestStream.create().next())));
    String append = org.web3j.crypto.Hash.sha3String("append(bytes32,bytes[])").substring(0, 10);
    String appendBatch =
        org.web3j.crypto.Hash.sha3String("appendBatch(bytes32[],bytes[])").substring(0, 10);
    assertThat(same.callData()).startsWith(append);
    assertThat(mixed.callData()).startsWith(appendBatch);
  }
}
