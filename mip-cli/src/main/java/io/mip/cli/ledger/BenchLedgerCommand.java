package io.mip.cli.ledger;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.ledger.LedgerException;
import io.mip.ledger.bench.BenchResult;
import io.mip.ledger.bench.LedgerBench;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.evm.EvmBench;
import io.mip.node.LedgerBackend;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mip bench ledger}: submits pre-signed operations from concurrent threads and prints
 * admitted operations per second and submit latency (p50, p99). Each submit returns only once the
 * operation is durable: synced to SQLite on the embedded ledger (default; without {@code --data} in
 * a temporary directory, deleted afterwards), mined and replayed with {@code --ledger evm} ({@link
 * EvmBench}: a fresh contract is deployed unless {@code --contract} names one the key may write
 * to). No admission policies run.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Measure ledger admissions per second and submit latency (embedded or evm).")
final class BenchLedgerCommand implements Callable<Integer> {
  private static final int EMBEDDED_OPERATIONS = 20_000;
  private static final int EVM_OPERATIONS = 3_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--ledger",
      paramLabel = "BACKEND",
      defaultValue = "embedded",
      description = "embedded or evm (default: ${DEFAULT-VALUE}).")
  String ledger;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Embedded: node data directory to write to (default: a temporary directory).")
  Path data;

  @Option(names = "--rpc", paramLabel = "URL", description = "Evm: the node's JSON-RPC endpoint.")
  String rpc;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description =
          "Evm: Ethereum key file; deploys the benchmark's contract, or must be a writer of"
              + " --contract.")
  Path key;

  @Option(
      names = "--contract",
      paramLabel = "ADDRESS",
      description = "Evm: an existing MipLedger contract to write to (default: deploy a new one).")
  String contract;

  @Option(
      names = "--poll-ms",
      paramLabel = "MS",
      defaultValue = "10",
      description = "Evm: the reader's poll interval (default: ${DEFAULT-VALUE}; 500 for QBFT).")
  long pollMillis;

  @Option(
      names = "--operations",
      paramLabel = "N",
      description = "Operations to submit (default: 20000 embedded, 3000 evm).")
  Integer operations;

  @Option(
      names = "--threads",
      paramLabel = "T",
      defaultValue = "64",
      description =
          "Concurrent submitters (default: ${DEFAULT-VALUE}). Each waits for its durable commit,"
              + " so few submitters measure commit latency rather than the ledger.")
  int threads;

  @Override
  public Integer call() throws IOException {
    LedgerBackend backend;
    try {
      backend = LedgerBackend.fromId(ledger);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--ledger: " + e.getMessage());
    }
    boolean evm = backend == LedgerBackend.EVM;
    int n = operations != null ? operations : evm ? EVM_OPERATIONS : EMBEDDED_OPERATIONS;
    if (n < 1 || n > 10_000_000 || threads < 1 || threads > 1024) {
      throw new ParameterException(
          spec.commandLine(), "--operations must be 1..10000000 and --threads 1..1024");
    }
    return evm ? evm(n) : embedded(n);
  }

  private int embedded(int n) throws IOException {
    if (rpc != null || key != null || contract != null) {
      throw new ParameterException(
          spec.commandLine(), "--rpc, --key and --contract need --ledger evm");
    }
    Path dir = data != null ? data : Files.createTempDirectory("mip-bench");
    BenchResult result;
    try (EmbeddedLedger l = EmbeddedLedger.open(NodeConfig.ledgerDir(dir), List.of())) {
      result = LedgerBench.run(l, n, threads);
    } catch (LedgerException e) {
      throw CliFailure.io("ledger benchmark failed: " + e.getMessage());
    } finally {
      if (data == null) {
        deleteTree(dir);
      }
    }
    spec.commandLine().getOut().println("embedded ledger: " + result.toText());
    return ExitCodes.OK;
  }

  private int evm(int n) {
    if (data != null) {
      throw new ParameterException(spec.commandLine(), "--data is for --ledger embedded");
    }
    if (rpc == null || key == null) {
      throw new ParameterException(spec.commandLine(), "--ledger evm needs --rpc and --key");
    }
    if (pollMillis < 1 || pollMillis > 60_000) {
      throw new ParameterException(spec.commandLine(), "--poll-ms must be 1..60000");
    }
    URI url = ChainOptions.rpcUri(spec, rpc);
    Path keyFile = ChainOptions.keyFile(spec, "--key", key);
    Duration poll = Duration.ofMillis(pollMillis);
    BenchResult result;
    if (contract == null) {
      result = ChainOptions.call(url, () -> EvmBench.run(url, keyFile, n, threads, poll));
    } else {
      String c = ChainOptions.address(spec, "--contract", contract);
      result = ChainOptions.call(url, () -> EvmBench.run(url, keyFile, c, n, threads, poll));
    }
    spec.commandLine().getOut().println("evm ledger (" + url + "): " + result.toText());
    return ExitCodes.OK;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BenchLedgerCommand::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
