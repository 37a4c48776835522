package io.mip.cli.node;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.evm.EvmConfig;
import io.mip.node.LedgerBackend;
import io.mip.node.NodeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --ledger evm} settings of {@code mip serve}: {@code --rpc}, {@code --contract} and
 * {@code --key} (the names of docs/consortium.md; {@code --evm-rpc}, {@code --evm-contract} and
 * {@code --evm-key} are kept as aliases), the consortium's governance key, and reader tuning.
 */
final class EvmOptions {
  @Option(
      names = {"--rpc", "--evm-rpc"},
      paramLabel = "URL",
      description = "EVM node JSON-RPC endpoint (with --ledger evm).")
  URI rpc;

  @Option(
      names = {"--contract", "--evm-contract"},
      paramLabel = "ADDRESS",
      description = "Address of the deployed MipLedger contract (with --ledger evm).")
  String contract;

  @Option(
      names = {"--key", "--evm-key"},
      paramLabel = "FILE",
      description = "This node's Ethereum key file (64 hex digits); omit for a read-only node.")
  Path keyFile;

  @Option(
      names = "--governance-key",
      paramLabel = "MULTIBASE",
      description = "The consortium's Ed25519 governance key, z6Mk... (with --ledger evm).")
  String governanceKey;

  @Option(
      names = "--evm-chain-id",
      paramLabel = "N",
      defaultValue = "0",
      description = "Expected chain id; 0 takes the node's (default: ${DEFAULT-VALUE}).")
  long chainId;

  @Option(
      names = "--evm-poll-ms",
      paramLabel = "MS",
      defaultValue = "500",
      description = "How often to poll the chain for new blocks (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(
      names = "--from-block",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "First block to replay: the contract's deployment block, printed by `mip ledger deploy`"
              + " (default: ${DEFAULT-VALUE}).")
  long fromBlock;

  /** Builds the node configuration, refusing EVM settings that do not fit {@code backend}. */
  NodeConfig config(CommandSpec spec, Path data, LedgerBackend backend) {
    boolean any = rpc != null || contract != null || keyFile != null || governanceKey != null;
    if (backend == LedgerBackend.EMBEDDED) {
      if (any) {
        throw new ParameterException(
            spec.commandLine(), "--rpc, --contract, --key and --governance-key need --ledger evm");
      }
      return NodeConfig.embedded(data);
    }
    if (rpc == null || contract == null || governanceKey == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--ledger evm needs --rpc (alias --evm-rpc), --contract and --governance-key");
    }
    try {
      EvmConfig evm =
          new EvmConfig(
              rpc,
              contract,
              keyFile,
              Ed25519PublicKey.fromMultibase(governanceKey),
              chainId,
              Duration.ofMillis(pollMillis),
              0,
              fromBlock,
              Duration.ofMinutes(2));
      return NodeConfig.evm(data, evm);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
