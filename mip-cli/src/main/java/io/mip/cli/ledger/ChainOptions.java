package io.mip.cli.ledger;

import io.mip.cli.CliFailure;
import io.mip.ledger.LedgerException;
import io.mip.ledger.evm.EvmRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --rpc URL --key FILE} options of the commands that talk to an EVM node, their checks,
 * and how failures map to exit codes (docs/cli.md): malformed input 2, the contract or node refused
 * 1, the node unreachable 3.
 */
final class ChainOptions {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      required = true,
      description = "The EVM node's JSON-RPC endpoint, e.g. http://127.0.0.1:8545.")
  String rpc;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      required = true,
      description = "Ethereum key file (64 hex digits) of the account that signs.")
  Path key;

  /** The endpoint, refused (exit 2) unless an http or https URL with a host. */
  URI rpc(CommandSpec spec) {
    return rpcUri(spec, rpc);
  }

  /** The key file, refused (exit 2) unless a readable regular file. */
  Path key(CommandSpec spec) {
    return keyFile(spec, "--key", key);
  }

  static URI rpcUri(CommandSpec spec, String text) {
    try {
      URI u = new URI(text);
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new ParameterException(
        spec.commandLine(), "--rpc must be an http or https URL such as http://127.0.0.1:8545");
  }

  static Path keyFile(CommandSpec spec, String option, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ParameterException(
          spec.commandLine(), option + " " + file + ": no such readable file");
    }
    return file;
  }

  /** {@code value}, refused (exit 2) unless 0x and 40 hex digits. */
  static String address(CommandSpec spec, String option, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be an Ethereum address (0x and 40 hex digits), got '" + value + "'");
    }
    return value;
  }

  /**
   * Runs a call to the node, turning its failures into exits: a malformed key file or an address
   * without a contract 2, a refusal by the contract or node 1, an unreachable node 3.
   */
  static <T> T call(URI rpc, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    } catch (EvmRefusedException e) {
      throw CliFailure.refused(e.getMessage() + hint(e.errorName()));
    } catch (LedgerException e) {
      String m =
          e.getMessage() == null ? "" : e.getMessage().replaceFirst("^EVM node failed: ", "");
      throw CliFailure.io("EVM node at " + rpc + ": " + m);
    }
  }

  private static String hint(String errorName) {
    return switch (errorName) {
      case "NotAdmin" -> " (the key's account is not the contract's admin)";
      case "NotPendingAdmin" -> " (the key's account is not the one named by transfer-admin)";
      case "NotWriter" -> " (allow it first: mip ledger allow-writer)";
      default -> "";
    };
  }
}
