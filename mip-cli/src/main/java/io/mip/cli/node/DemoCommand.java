package io.mip.cli.node;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.cli.did.DemoDid;
import io.mip.cli.kyc.KycIssuerInit;
import io.mip.credential.kyc.KycCredential;
import io.mip.crypto.SecretFiles;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip demo}: starts a node on the embedded ledger and prints a guided tour ({@link
 * DemoTour}). On the first run it makes the node a KYC issuer accredited by the demo ledger's
 * governance key ({@link KycIssuerInit}) and creates a demo DID registered as an app ({@link
 * DemoDid}); every run points the issuer's status-list base URL at the port the node listens on and
 * creates the wallet folder {@code <data>/wallets} that "Sign in with MIP" offers passports from.
 * The face models load lazily, on the first unlock or KYC check. Runs until killed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start a local node with a KYC issuer and a demo app, and print a guided tour.")
public final class DemoCommand implements Callable<Integer> {
  static final int FIRST_PORT = 8080;
  static final int LAST_PORT = 8099;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: $MIP_HOME, else ~/.mip/demo).")
  Path data;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default: 8080, or the first free one up to 8099).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = MipNode.DEFAULT_HOST,
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() {
    Path dir = dataDir().toAbsolutePath();
    int p = port != null ? port : firstFreePort();
    Options.requirePort(spec, p);
    Optional<String> issuer = KycIssuerInit.issuer(dir);
    boolean issuerCreated = issuer.isEmpty();
    if (issuerCreated) {
      // before the node starts: a node runs the issuer it finds in <data>/kyc when it starts
      issuer = Optional.of(KycIssuerInit.create(dir, url(FIRST_PORT), true).did());
    }
    MipNode node = NodeRunner.start(NodeConfig.embedded(dir), host, p);
    String url = url(node.port());
    DemoDid demo;
    try {
      KycIssuerInit.setBaseUrl(dir, url);
      SecretFiles.createPrivateDirectories(dir.resolve("wallets"));
      demo = DemoDid.ensure(node.ledger(), dir);
    } catch (IOException e) {
      node.close();
      throw CliFailure.io("cannot create " + dir.resolve("wallets") + ": " + e.getMessage());
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    header(out, url, dir, issuer.get(), issuerCreated, demo);
    Path root = repositoryRoot();
    new DemoTour(url, dir, root, DemoTour.sampleFaces(root), issuer.get(), demo.did()).print(out);
    NodeRunner.runUntilStopped(node, spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  private String url(int p) {
    return "http://" + host + ":" + p;
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    String home = System.getenv("MIP_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".mip", "demo");
  }

  private int firstFreePort() {
    for (int p = FIRST_PORT; p <= LAST_PORT; p++) {
      try {
        new ServerSocket(p, 1, InetAddress.getByName(host)).close();
        return p;
      } catch (IOException e) {
        // taken; try the next one
      }
    }
    return 0;
  }

  private static void header(
      PrintWriter out, String url, Path dir, String issuer, boolean issuerCreated, DemoDid demo) {
    String earlier = " (from an earlier run)";
    out.println("MIP demo node running at " + url + " (Ctrl-C to stop)");
    out.println("  data:       " + dir);
    out.println(
        "  KYC issuer: "
            + issuer
            + ", accredited for "
            + KycCredential.VCT
            + (issuerCreated ? " (created now)" : earlier));
    out.println("  demo DID:   " + demo.did() + (demo.created() ? " (created now)" : earlier));
    out.println("  key file:   " + demo.keyFile() + " (the demo DID is also a registered app)");
    out.println("  open:       " + url + "/health  " + url + "/ledger/head  " + url + "/metrics");
    out.println();
  }

  /**
   * The repository root: {@code mip.repo.root} when set (tests), else the directory three levels
   * above this code ({@code <root>/mip-cli/target/mip.jar} or {@code .../classes}), else the
   * working directory.
   */
  static Path repositoryRoot() {
    String set = System.getProperty("mip.repo.root");
    if (set != null && !set.isBlank()) {
      return Path.of(set).toAbsolutePath().normalize();
    }
    try {
      Path code =
          Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent().getParent().getParent();
      if (Files.isRegularFile(root.resolve("mip")) && Files.isDirectory(root.resolve("mip-cli"))) {
        return root;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code location: fall back to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
