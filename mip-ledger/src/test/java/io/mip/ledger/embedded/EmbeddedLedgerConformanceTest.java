package io.mip.ledger.embedded;

import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerConformanceTest;
import io.mip.ledger.OperationPolicy;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerConformanceTest extends LedgerConformanceTest {
  @TempDir Path tmp;
  private final Map<Ledger, Path> dirs = new IdentityHashMap<>();
  private int count;

  @Override
  protected Ledger openLedger(List<OperationPolicy> policies) {
    Path dir = tmp.resolve("ledger-" + count++);
    Ledger l = EmbeddedLedger.open(dir, policies);
    dirs.put(l, dir);
    return l;
  }

  @Override
  protected Ledger reopenLedger(Ledger ledger, List<OperationPolicy> policies) {
    Path dir = dirs.get(ledger);
    ledger.close();
    Ledger l = EmbeddedLedger.open(dir, policies);
    dirs.put(l, dir);
    return l;
  }
}
