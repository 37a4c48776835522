package io.mip.cli.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Main;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KycCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out) {}

  static Run run(Object command, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      CommandLine cmd = Main.commandLine();
      CommandLine sub = new CommandLine(command);
      sub.setExecutionExceptionHandler(cmd.getExecutionExceptionHandler());
      int code = sub.execute(args);
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  Run withdraw(String did, String url) {
    return run(
        new IssuerCommand(),
        "withdraw",
        did,
        "--node",
        url,
        "--governance-key",
        dir.resolve("ledger/governance.key").toString());
  }

  @Test
  void initAccreditListWithdraw_workAgainstARealNode() throws Exception {
    Run init = run(new KycCommand(), "init", "--data", dir.toString(), "--accredit");
    assertThat(init.code()).as(init.out()).isZero();
    String did = init.out().lines().findFirst().orElseThrow().replace("KYC issuer: ", "").strip();
    assertThat(Files.exists(dir.resolve("kyc/issuer.key"))).isTrue();

    try (MipNode node = MipNode.open(NodeConfig.embedded(dir)).start(0)) {
      String url = node.localUri().toString();
      Run list = run(new IssuerCommand(), "list", "--node", url);
      assertThat(list.out()).contains(did).contains("urn:mip:kyc:v1");

      Run challenge = withdraw(did, url);
      assertThat(challenge.code()).as(challenge.out()).isZero();
      assertThat(run(new IssuerCommand(), "list", "--node", url).out()).doesNotContain(did);

      Run again = withdraw(did, url);
      assertThat(again.code()).isEqualTo(1);

      Run verify =
          run(
              new CredentialCommand(),
              "verify",
              "--node",
              url,
              "--nonce",
              "n",
              "--aud",
              "a",
              "not-a-presentation~");
      assertThat(verify.code()).isEqualTo(1);
    }
  }
}
