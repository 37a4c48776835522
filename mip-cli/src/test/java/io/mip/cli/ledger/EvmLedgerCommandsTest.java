package io.mip.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.Cli;
import io.mip.cli.ExitCodes;
import io.mip.cli.Main;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.evm.AnvilNode;
import io.mip.ledger.evm.EvmAdmin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The consortium ledger commands against a local anvil node (skipped when anvil is absent): {@code
 * mip ledger deploy / allow-writer / remove-writer / transfer-admin / accept-admin}, {@code mip
 * bench ledger --ledger evm} and {@code mip serve --ledger evm --rpc --contract --key}.
 */
@Tag("slow")
class EvmLedgerCommandsTest {
  private static final Pattern CONTRACT = Pattern.compile("(?m)^contract (0x[0-9a-fA-F]{40})$");
  private static final Pattern BLOCK = Pattern.compile("(?m)^block (\\d+)$");

  @TempDir static Path tmp;
  private static AnvilNode anvil;
  private static String rpc;

  @BeforeAll
  static void startAnvil() {
    anvil = AnvilNode.start(tmp.resolve("anvil"));
    rpc = anvil.rpc().toString();
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  private static String deploy(Path adminKey) {
    Cli.Result r = Cli.run("ledger", "deploy", "--rpc", rpc, "--key", adminKey.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = CONTRACT.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  private static Cli.Result writer(String command, Path key, String contract, String address) {
    return Cli.run(
        "ledger",
        command,
        "--rpc",
        rpc,
        "--key",
        key.toString(),
        "--contract",
        contract,
        "--address",
        address);
  }

  @Test
  void deploy_printsAddressBlockAndAdmin() {
    Path admin = anvil.keyFile(0);

    Cli.Result r = Cli.run("ledger", "deploy", "--rpc", rpc, "--key", admin.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher c = CONTRACT.matcher(r.out());
    Matcher b = BLOCK.matcher(r.out());
    assertThat(c.find() && b.find()).as(r.out()).isTrue();
    assertThat(Long.parseLong(b.group(1))).isPositive();
    String contract = c.group(1);
    assertThat(EvmAdmin.admin(anvil.rpc(), contract))
        .isEqualTo(EvmAdmin.address(admin).toLowerCase(Locale.ROOT));
    assertThat(r.out()).contains("admin " + EvmAdmin.address(admin));
  }

  @Test
  void allowAndRemoveWriter_adminKey_contractFollows() {
    Path admin = anvil.keyFile(0);
    String contract = deploy(admin);
    String w = EvmAdmin.address(anvil.keyFile(1));

    Cli.Result allowed = writer("allow-writer", admin, contract, w);

    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(allowed.out()).contains("writer " + w + " allowed on " + contract);
    assertThat(EvmAdmin.isWriter(anvil.rpc(), contract, w)).isTrue();

    Cli.Result removed = writer("remove-writer", admin, contract, w);

    assertThat(removed.exitCode()).as(removed.toString()).isZero();
    assertThat(EvmAdmin.isWriter(anvil.rpc(), contract, w)).isFalse();
  }

  @Test
  void allowWriter_notTheAdminsKey_exitOneNamingNotAdmin() {
    String contract = deploy(anvil.keyFile(0));
    String w = EvmAdmin.address(anvil.keyFile(1));

    Cli.Result r = writer("allow-writer", anvil.keyFile(2), contract, w);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
    assertThat(r.err()).contains("NotAdmin");
    assertThat(EvmAdmin.isWriter(anvil.rpc(), contract, w)).isFalse();
  }

  @Test
  void allowWriter_addressWithoutContract_exitTwo() {
    String noContract = EvmAdmin.address(anvil.keyFile(3));

    Cli.Result r =
        writer("allow-writer", anvil.keyFile(0), noContract, EvmAdmin.address(anvil.keyFile(1)));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no contract at " + noContract);
  }

  @Test
  void transferAndAcceptAdmin_twoSteps_adminChangesOnlyOnAccept() {
    Path admin = anvil.keyFile(0);
    Path next = anvil.keyFile(1);
    String contract = deploy(admin);
    String nextAddress = EvmAdmin.address(next);

    Cli.Result offered =
        Cli.run(
            "ledger",
            "transfer-admin",
            "--rpc",
            rpc,
            "--key",
            admin.toString(),
            "--contract",
            contract,
            "--to",
            nextAddress);
    assertThat(offered.exitCode()).as(offered.toString()).isZero();
    assertThat(EvmAdmin.admin(anvil.rpc(), contract))
        .isEqualTo(EvmAdmin.address(admin).toLowerCase(Locale.ROOT));

    Cli.Result stranger = accept(anvil.keyFile(2), contract);
    assertThat(stranger.exitCode()).as(stranger.toString()).isEqualTo(ExitCodes.REFUSED);
    assertThat(stranger.err()).contains("NotPendingAdmin");

    Cli.Result accepted = accept(next, contract);
    assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    assertThat(EvmAdmin.admin(anvil.rpc(), contract))
        .isEqualTo(nextAddress.toLowerCase(Locale.ROOT));
  }

  private static Cli.Result accept(Path key, String contract) {
    return Cli.run(
        "ledger", "accept-admin", "--rpc", rpc, "--key", key.toString(), "--contract", contract);
  }

  @Test
  void benchLedgerEvm_freshContract_printsThroughput() {
    Cli.Result r =
        Cli.run(
            "bench",
            "ledger",
            "--ledger",
            "evm",
            "--rpc",
            rpc,
            "--key",
            anvil.keyFile(2).toString(),
            "--operations",
            "60",
            "--threads",
            "4");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("evm ledger (" + rpc + "): ").contains("60 admitted");
    assertThat(r.out()).contains("ops/s").contains("p99");
  }

  @Test
  void benchLedgerEvm_contractTheKeyMayNotWrite_exitOne() {
    String contract = deploy(anvil.keyFile(0));

    Cli.Result r =
        Cli.run(
            "bench",
            "ledger",
            "--ledger",
            "evm",
            "--rpc",
            rpc,
            "--key",
            anvil.keyFile(3).toString(),
            "--contract",
            contract,
            "--operations",
            "10");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
    assertThat(r.err()).contains("not an allowed writer of " + contract);
  }

  @Test
  void serveEvm_issueOptionNames_servesTheContract() throws Exception {
    Path admin = anvil.keyFile(0);
    Path writerKey = anvil.keyFile(1);
    String contract = deploy(admin);
    assertThat(writer("allow-writer", admin, contract, EvmAdmin.address(writerKey)).exitCode())
        .isZero();
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    String[] args = {
      "serve",
      "--data",
      tmp.resolve("node").toString(),
      "--port",
      "0",
      "--ledger",
      "evm",
      "--rpc",
      rpc,
      "--contract",
      contract,
      "--key",
      writerKey.toString(),
      "--governance-key",
      Ed25519PrivateKey.generate().publicKey().toMultibase(),
      "--evm-poll-ms",
      "50"
    };
    Thread serve = new Thread(() -> cmd.execute(args), "mip-serve-under-test");
    serve.start();
    try {
      String base = awaitUrl(out, serve);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode json = Operation.json().readTree(health.body());
      assertThat(json.path("ledger").path("backend").asText()).isEqualTo("evm");
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
  }

  private static String awaitUrl(StringWriter out, Thread serve) throws InterruptedException {
    Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end && serve.isAlive()) {
      Matcher m = url.matcher(out.toString());
      if (m.find()) {
        return m.group();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start: " + out);
  }
}
