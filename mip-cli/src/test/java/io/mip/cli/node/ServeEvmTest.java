package io.mip.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.Cli;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.evm.AnvilNode;
import io.mip.ledger.evm.EvmAdmin;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mip serve --ledger evm} against a local anvil node (skipped when anvil is absent). */
@Tag("slow")
class ServeEvmTest {
  @TempDir Path tmp;

  @Test
  void serveEvm_didCreatedViaCli_resolvesAndHealthNamesBackend() throws Exception {
    try (AnvilNode anvil = AnvilNode.start(tmp.resolve("anvil"))) {
      Path admin = anvil.keyFile(0);
      Path writer = anvil.keyFile(1);
      String contract = EvmAdmin.deploy(anvil.rpc(), admin);
      EvmAdmin.setWriter(anvil.rpc(), admin, contract, EvmAdmin.address(writer), true);
      String governance = Ed25519PrivateKey.generate().publicKey().toMultibase();

      try (Running serve =
          new Running(
              "serve",
              "--data",
              tmp.resolve("node").toString(),
              "--port",
              "0",
              "--ledger",
              "evm",
              "--evm-rpc",
              anvil.rpc().toString(),
              "--evm-contract",
              contract,
              "--evm-key",
              writer.toString(),
              "--governance-key",
              governance,
              "--evm-poll-ms",
              "50")) {
        String url =
            NodeCommandsTest.baseUrl(serve.awaitOutput("listening", Duration.ofSeconds(60)));
        JsonNode health = Operation.json().readTree(NodeCommandsTest.get(url + "/health").body());
        assertThat(health.path("ledger").path("backend").asText()).isEqualTo("evm");

        Cli.Result created =
            Cli.run("did", "create", "--node", url, "--keys-dir", tmp.resolve("keys").toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String did = created.out().trim();
        assertThat(NodeCommandsTest.get(url + "/1.0/identifiers/" + did).statusCode())
            .isEqualTo(200);
        Cli.Result rotated =
            Cli.run(
                "did", "rotate", did, "--node", url, "--keys-dir", tmp.resolve("keys").toString());
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
      }
    }
  }

  @Test
  void serveEvm_missingSettings_exitTwo() {
    Cli.Result r = Cli.run("serve", "--data", tmp.toString(), "--ledger", "evm");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--evm-rpc");
  }
}
