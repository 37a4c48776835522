package io.mip.cli.ledger;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.ledger.LedgerException;
import io.mip.ledger.bench.BenchResult;
import io.mip.ledger.bench.LedgerBench;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code mip bench ledger}: submits pre-signed operations to the embedded ledger from concurrent
 * threads and prints admitted operations per second and submit latency (p50, p99). Each submit
 * returns only once durable, so this measures signed, synced admissions. No admission policies run.
 * Without {@code --data} it uses a temporary directory, deleted afterwards.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Measure embedded ledger admissions per second and submit latency.")
final class BenchLedgerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Node data directory to write to (default: a temporary directory).")
  Path data;

  @Option(
      names = "--operations",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Operations to submit (default: ${DEFAULT-VALUE}).")
  int operations;

  @Option(
      names = "--threads",
      paramLabel = "T",
      defaultValue = "64",
      description =
          "Concurrent submitters (default: ${DEFAULT-VALUE}). Each waits for its durable commit,"
              + " so few submitters measure fsync latency rather than the ledger.")
  int threads;

  @Override
  public Integer call() throws IOException {
    if (operations < 1 || operations > 10_000_000 || threads < 1 || threads > 1024) {
      throw new ParameterException(
          spec.commandLine(), "--operations must be 1..10000000 and --threads 1..1024");
    }
    Path dir = data != null ? data : Files.createTempDirectory("mip-bench");
    BenchResult result;
    try (EmbeddedLedger ledger = EmbeddedLedger.open(NodeConfig.ledgerDir(dir), List.of())) {
      result = LedgerBench.run(ledger, operations, threads);
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
