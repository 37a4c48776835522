package io.mip.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.cli.Cli;
import io.mip.cli.ExitCodes;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.evm.EvmAdmin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EVM ledger commands' refusals that need no chain: bad input exits 2, no node exits 3. */
class EvmCommandsUsageTest {
  private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @TempDir Path tmp;

  private Path key() {
    Path k = tmp.resolve("node.key");
    if (!Files.exists(k)) {
      EvmAdmin.createKeyFile(k);
    }
    return k;
  }

  /** A loopback URL where nothing listens. */
  private static String deadRpc() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  @Test
  void createKey_newFile_mode600AndPrintsItsAddress() throws IOException {
    Path k = tmp.resolve("org.key");

    Cli.Result r = Cli.run("ledger", "create-key", "--key", k.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().trim()).isEqualTo("address " + EvmAdmin.address(k));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k)))
        .isEqualTo("rw-------");
  }

  @Test
  void createKey_fileExists_exitTwoAndFileKept() throws IOException {
    Path k = key();
    String before = Files.readString(k);

    Cli.Result r = Cli.run("ledger", "create-key", "--key", k.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("already exists");
    assertThat(Files.readString(k)).isEqualTo(before);
  }

  @Test
  void deploy_nodeUnreachable_exitThreeNamingTheNode() throws IOException {
    String rpc = deadRpc();

    Cli.Result r = Cli.run("ledger", "deploy", "--rpc", rpc, "--key", key().toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IO);
    assertThat(r.err()).contains("EVM node at " + rpc);
  }

  @Test
  void deploy_rpcNotHttp_exitTwo() {
    Cli.Result r =
        Cli.run("ledger", "deploy", "--rpc", "ws://127.0.0.1:8545", "--key", key().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--rpc must be an http or https URL");
  }

  @Test
  void deploy_missingKeyFile_exitTwoNamingIt() {
    Path missing = tmp.resolve("nope.key");

    Cli.Result r =
        Cli.run("ledger", "deploy", "--rpc", "http://127.0.0.1:8545", "--key", missing.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--key " + missing + ": no such readable file");
  }

  @Test
  void deploy_keyFileNotAKey_exitTwo() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.key"), "not a key\n");

    Cli.Result r = Cli.run("ledger", "deploy", "--rpc", deadRpc(), "--key", bad.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("64 hex digits");
  }

  @Test
  void allowWriter_malformedAddress_exitTwoNamingTheOption() throws IOException {
    Cli.Result r =
        Cli.run(
            "ledger",
            "allow-writer",
            "--rpc",
            deadRpc(),
            "--key",
            key().toString(),
            "--contract",
            CONTRACT,
            "--address",
            "0x1234");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--address must be an Ethereum address");
  }

  @Test
  void transferAdmin_missingTo_exitTwo() {
    Cli.Result r =
        Cli.run(
            "ledger",
            "transfer-admin",
            "--rpc",
            "http://127.0.0.1:8545",
            "--key",
            key().toString(),
            "--contract",
            CONTRACT);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--to");
  }

  @Test
  void acceptAdmin_nodeUnreachable_exitThree() throws IOException {
    Cli.Result r =
        Cli.run(
            "ledger",
            "accept-admin",
            "--rpc",
            deadRpc(),
            "--key",
            key().toString(),
            "--contract",
            CONTRACT);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IO);
  }

  @Test
  void benchLedger_evmWithoutRpc_exitTwo() {
    Cli.Result r = Cli.run("bench", "ledger", "--ledger", "evm", "--key", key().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--ledger evm needs --rpc and --key");
  }

  @Test
  void benchLedger_evmOptionsOnEmbedded_exitTwo() {
    Cli.Result r = Cli.run("bench", "ledger", "--rpc", "http://127.0.0.1:8545");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("need --ledger evm");
  }

  @Test
  void benchLedger_unknownBackend_exitTwo() {
    Cli.Result r = Cli.run("bench", "ledger", "--ledger", "fabric");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown ledger backend 'fabric'");
  }

  @Test
  void benchLedger_evmNodeUnreachable_exitThree() throws IOException {
    Cli.Result r =
        Cli.run(
            "bench", "ledger", "--ledger", "evm", "--rpc", deadRpc(), "--key", key().toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IO);
  }

  @Test
  void serve_evmNewOptionNamesOnEmbedded_exitTwo() {
    Cli.Result r =
        Cli.run(
            "serve",
            "--data",
            tmp.toString(),
            "--rpc",
            "http://127.0.0.1:8545",
            "--contract",
            CONTRACT,
            "--key",
            key().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("need --ledger evm");
  }

  @Test
  void serve_evmWithoutContract_exitTwoNamingTheOptions() {
    Cli.Result r =
        Cli.run(
            "serve",
            "--data",
            tmp.toString(),
            "--ledger",
            "evm",
            "--rpc",
            "http://127.0.0.1:8545",
            "--key",
            key().toString(),
            "--governance-key",
            Ed25519PrivateKey.generate().publicKey().toMultibase());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--contract");
  }
}
