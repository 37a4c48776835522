package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.TestStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

class TxBatchTest {
  private static long order;

  private static Submission sub(Operation op) {
    return new Submission(op, order++);
  }

  private static PriorityBlockingQueue<Submission> queue() {
    return new PriorityBlockingQueue<>(16, Comparator.comparingLong(Submission::order));
  }

  @Test
  void gas_largestBatches_fitUnderTheTransactionGasCap() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("blob", "x".repeat(Operation.MAX_BYTES - 400));
    Operation big = Operation.sign("test.op", "s", null, payload, Ed25519PrivateKey.generate());
    assertThat(new TxBatch(List.of(sub(big))).gas()).isLessThan(TxBatch.GAS_CAP);
    List<Submission> many = new ArrayList<>();
    for (int i = 0; i < TxBatch.MAX_OPS; i++) {
      many.add(sub(TestStream.create().next()));
    }
    // 256 ops of ~300 bytes plus a generous per-op allowance
    assertThat(new TxBatch(many).gas()).isBetween(2_000_000L, TxBatch.GAS_CAP);
  }

  @Test
  void collect_queuedSubmissions_takesInOrderSkipsDoneAndStopsAtTheLimit() {
    PriorityBlockingQueue<Submission> queue = queue();
    Submission first = sub(TestStream.create().next());
    Submission done = sub(TestStream.create().next());
    done.result().complete(null);
    queue.add(done);
    for (int i = 0; i < TxBatch.MAX_OPS + 5; i++) {
      queue.add(sub(TestStream.create().next()));
    }
    TxBatch batch = TxBatch.collect(first, queue);
    assertThat(batch.submissions()).hasSize(TxBatch.MAX_OPS).startsWith(first);
    assertThat(batch.submissions()).doesNotContain(done);
    // 1 skipped + 255 taken from the queue of 1 + MAX_OPS + 5
    assertThat(queue).hasSize(6);
  }

  @Test
  void collect_requeuedEarlierAndTwice_takesInSubmissionOrderOnce() {
    TestStream s = TestStream.create();
    Submission a = sub(s.next());
    Submission b = sub(s.next());
    Submission c = sub(s.next());
    PriorityBlockingQueue<Submission> queue = queue();
    queue.add(c);
    queue.add(a);
    queue.add(b);
    queue.add(a);

    TxBatch batch = TxBatch.collect(queue.poll(), queue);

    assertThat(batch.submissions()).containsExactly(a, b, c);
    assertThat(queue).isEmpty();
  }

  @Test
  void callData_oneStreamOrSeveral_appendOrAppendBatch() {
    TestStream s = TestStream.create();
    TxBatch same = new TxBatch(List.of(sub(s.next()), sub(s.next())));
    TxBatch mixed =
        new TxBatch(List.of(sub(TestStream.create().next()), sub(TestStream.create().next())));
    String append = org.web3j.crypto.Hash.sha3String("append(bytes32,bytes[])").substring(0, 10);
    String appendBatch =
        org.web3j.crypto.Hash.sha3String("appendBatch(bytes32[],bytes[])").substring(0, 10);
    assertThat(same.callData()).startsWith(append);
    assertThat(mixed.callData()).startsWith(appendBatch);
  }
}
