package io.mip.cli.node;

import io.mip.node.LedgerBackend;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option checks and converters shared by the node commands. */
final class Options {
  private Options() {}

  static void requirePort(CommandSpec spec, int port) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
    }
  }

  /** Parses {@code embedded|evm}. */
  static final class BackendConverter implements CommandLine.ITypeConverter<LedgerBackend> {
    @Override
    public LedgerBackend convert(String value) {
      try {
        return LedgerBackend.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
