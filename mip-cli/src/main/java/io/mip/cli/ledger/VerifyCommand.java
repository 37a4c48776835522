package io.mip.cli.ledger;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.ledger.LedgerException;
import io.mip.ledger.embedded.LedgerVerifier;
import io.mip.ledger.embedded.VerificationReport;
import io.mip.node.NodeConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip ledger verify}: re-checks every block hash, link, Merkle root and signature of the
 * embedded ledger in a node data directory. Exit 0 when it verifies, 1 naming the first bad block.
 * Safe to run beside a live node (it reads one snapshot).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify every block and operation of the embedded ledger.")
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      required = true,
      description = "Node data directory (the ledger is in DIR/ledger).")
  Path data;

  @Override
  public Integer call() {
    VerificationReport report;
    try {
      report = LedgerVerifier.verify(NodeConfig.ledgerDir(data));
    } catch (LedgerException e) {
      throw CliFailure.io(e.getMessage());
    }
    if (!report.ok()) {
      throw CliFailure.refused(report.toText());
    }
    spec.commandLine().getOut().println(report.toText());
    return ExitCodes.OK;
  }
}
