package io.mip.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Cli;
import io.mip.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandsTest {
  @TempDir Path tmp;

  private Path ledgerWithDids(int n) {
    Path data = tmp.resolve("data");
    for (int i = 0; i < n; i++) {
      Cli.Result r =
          Cli.run(
              "did",
              "create",
              "--data",
              data.toString(),
              "--keys-dir",
              tmp.resolve("keys").toString());
      assertThat(r.exitCode()).as(r.toString()).isZero();
    }
    return data;
  }

  @Test
  void verify_intactLedger_exitZeroCountingBlocks() {
    Path data = ledgerWithDids(3);

    Cli.Result r = Cli.run("ledger", "verify", "--data", data.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("ledger OK: ").contains("3 operations");
  }

  @Test
  void verify_tamperedOperation_exitOneNamingBlock() throws Exception {
    Path data = ledgerWithDids(3);
    long bad = LedgerFiles.tamperOperation(data, 2);

    Cli.Result r = Cli.run("ledger", "verify", "--data", data.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(r.err()).contains("block " + bad);
  }

  @Test
  void serve_tamperedLedger_refusesToStartNamingBlock() throws Exception {
    Path data = ledgerWithDids(2);
    long bad = LedgerFiles.tamperOperation(data, 1);

    Cli.Result r = Cli.run("serve", "--data", data.toString(), "--port", "0");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(r.err()).contains("corrupted").contains("first bad block " + bad);
  }

  @Test
  void verify_noLedger_exitThree() {
    Cli.Result r = Cli.run("ledger", "verify", "--data", tmp.resolve("nothing").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
  }

  @Test
  void benchLedger_smallRun_printsThroughputAndLatency() {
    Cli.Result r = Cli.run("bench", "ledger", "--operations", "200", "--threads", "4");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("ops/s").contains("p50").contains("p99");
  }
}
