package io.mip.cli.kyc;

import io.mip.sdk.credential.CredentialBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mip bench credentials}: verifications per second of a 10-claim presentation with KB. */
@Command(
    name = "credentials",
    mixinStandardHelpOptions = true,
    description = "Verifications per second of a 10-claim SD-JWT VC presentation with key binding.")
public final class BenchCredentialsCommand implements Callable<Integer> {
  @Option(
      names = "--verifications",
      defaultValue = "50000",
      description = "How many (default ${DEFAULT-VALUE}).")
  int verifications;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("mip-bench-credentials");
    System.out.println(CredentialBench.run(dir, verifications, threads).toText());
    return 0;
  }
}
