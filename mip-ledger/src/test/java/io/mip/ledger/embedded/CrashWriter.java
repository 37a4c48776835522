package io.mip.ledger.embedded;

import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import io.mip.ledger.TestStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of the crash test: submits DID-like operations from 16 threads forever and
 * prints {@code ACK <id>} for each one the ledger acknowledged, until it is killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /** Entry point: {@code CrashWriter <dataDir>}. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedLedger ledger = EmbeddedLedger.open(Path.of(args[0]), List.of());
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < 16; t++) {
      Thread w =
          new Thread(
              () -> {
                while (true) {
                  TestStream did = TestStream.create();
                  for (Operation op : List.of(did.next("did.create"), did.next("did.update"))) {
                    Admission a = ledger.submit(op);
                    if (a.status() == Admission.Status.ACCEPTED) {
                      synchronized (out) {
                        out.println("ACK " + op.id().value());
                        out.flush();
                      }
                    }
                  }
                }
              });
      w.start();
    }
    Thread.currentThread().join();
  }
}
