package io.mip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> into) {
    into.add(prefix);
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(prefix);
              next.add(name);
              collect(sub, next, into);
            });
  }

  @Test
  void help_everyCommand_exitsZeroWithUsage() {
    List<List<String>> commands = new ArrayList<>();
    collect(Main.commandLine(), List.of(), commands);

    assertThat(commands).hasSizeGreaterThan(10);
    for (List<String> path : commands) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage: mip");
    }
  }

  @Test
  void execute_unknownCommandOrOption_exitsTwo() {
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("serve", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("serve", "--port", "70000").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("did").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void execute_version_printsVersion() {
    Cli.Result r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("mip ");
  }
}
