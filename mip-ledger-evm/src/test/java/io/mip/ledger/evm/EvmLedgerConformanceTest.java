package io.mip.ledger.evm;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerConformanceTest;
import io.mip.ledger.OperationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The ledger conformance suite against EvmLedger on a local anvil node (a new contract each). */
@Tag("slow")
class EvmLedgerConformanceTest extends LedgerConformanceTest {
  @TempDir static Path tmp;
  private static AnvilNode anvil;
  private final Map<Ledger, EvmConfig> configs = new IdentityHashMap<>();

  @BeforeAll
  static void startAnvil() {
    anvil = AnvilNode.start(tmp.resolve("anvil"));
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  @Override
  protected Ledger openLedger(List<OperationPolicy> policies) {
    Path admin = anvil.keyFile(0);
    Path writer = anvil.keyFile(1);
    String contract = EvmLedger.deploy(anvil.rpc(), admin);
    EvmAdmin.setWriter(anvil.rpc(), admin, contract, EvmAdmin.address(writer), true);
    EvmConfig config =
        EvmConfig.of(anvil.rpc(), contract, writer, Ed25519PrivateKey.generate().publicKey())
            .withPollInterval(Duration.ofMillis(10))
            .withSubmitTimeout(Duration.ofSeconds(30));
    Ledger l = EvmLedger.open(config, policies);
    configs.put(l, config);
    return l;
  }

  @Override
  protected Ledger reopenLedger(Ledger ledger, List<OperationPolicy> policies) {
    EvmConfig config = configs.get(ledger);
    ledger.close();
    Ledger l = EvmLedger.open(config, policies);
    configs.put(l, config);
    return l;
  }
}
