package io.mip.ledger.evm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A local anvil node for tests: started from the npm package {@code @foundry-rs/anvil} (installed
 * by {@code .ci/install-anvil.sh}) on a free loopback port with zero gas price and base fee, the
 * standard test mnemonic, and a state file so a {@link #restart()} keeps the chain. Tests that call
 * {@link #start} are skipped (not failed) when anvil is not installed.
 *
 * <p>Where anvil is looked for: {@code $MIP_ANVIL}, then {@code
 * ~/.cache/mip/anvil-1.7.1/node_modules/.bin/anvil}, then {@code anvil} on the PATH.
 */
public final class AnvilNode implements AutoCloseable {
  /** The mnemonic anvil and Hardhat use for their dev accounts. */
  public static final String MNEMONIC =
      "test test test test test test test test test test test junk";

  /** Private keys of the mnemonic's first four accounts (public, well-known test keys). */
  public static final List<String> KEYS =
      List.of(
          "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a8928049ee4a",
          "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

  /** The chain id the node runs with. */
  public static final long CHAIN_ID = 31337;

  private final Path exe;
  private final Path dir;
  private final int port;
  private Process process;

  private AnvilNode(Path exe, Path dir, int port) {
    this.exe = exe;
    this.dir = dir;
    this.port = port;
  }

  /** Finds the anvil executable, if installed. */
  public static Optional<Path> executable() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("MIP_ANVIL");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    candidates.add(
        Path.of(System.getProperty("user.home"), ".cache/mip/anvil-1.7.1/node_modules/.bin/anvil"));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        candidates.add(Path.of(d, "anvil"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Starts anvil with its files in {@code dir}, or skips the calling test when anvil is absent. */
  public static AnvilNode start(Path dir) {
    Optional<Path> exe = executable();
    Assumptions.assumeTrue(
        exe.isPresent(),
        "anvil is not installed: run .ci/install-anvil.sh (npm @foundry-rs/anvil) or set MIP_ANVIL");
    AnvilNode node = new AnvilNode(nativeBinary(exe.get()), dir, freePort());
    node.launch();
    return node;
  }

  /**
   * The platform binary the npm package ships ({@code node_modules/@foundry-rs/anvil-<os>-<arch>/
   * bin/anvil}) when {@code exe} is the package's Node launcher, so that stopping the process stops
   * anvil itself rather than orphaning it; else {@code exe}.
   */
  static Path nativeBinary(Path exe) {
    Path bin = exe.getParent();
    if (bin == null || !".bin".equals(String.valueOf(bin.getFileName()))) {
      return exe;
    }
    Path scope = bin.resolveSibling("@foundry-rs");
    if (!Files.isDirectory(scope)) {
      return exe;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(scope, "anvil-*")) {
      for (Path d : dirs) {
        Path candidate = d.resolve("bin").resolve("anvil");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    } catch (IOException e) {
      return exe;
    }
    return exe;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private void launch() {
    List<String> cmd =
        List.of(
            exe.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--mnemonic",
            MNEMONIC,
            "--accounts",
            "4",
            "--chain-id",
            Long.toString(CHAIN_ID),
            "--gas-price",
            "0",
            "--base-fee",
            "0",
            "--disable-min-priority-fee",
            "--state",
            dir.resolve("anvil-state.json").toString());
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("anvil.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start anvil: " + e.getMessage(), e);
    }
    Process p = process;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(p, true)));
    awaitRpc();
  }

  private void awaitRpc() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest req =
        HttpRequest.newBuilder(rpc())
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(2))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited: see " + dir.resolve("anvil.log"));
      }
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("result")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(50);
    }
    throw new IllegalStateException("anvil did not answer JSON-RPC within 20 s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JSON-RPC endpoint. */
  public URI rpc() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Calls a JSON-RPC method (such as {@code evm_snapshot} or {@code anvil_setStorageAt}) with
   * parameters given as JSON texts, and returns the JSON text of its result.
   *
   * @throws IllegalStateException when the node answers with an error or cannot be reached
   */
  public String call(String method, String... jsonParams) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":["
            + String.join(",", jsonParams)
            + "]}";
    HttpRequest req =
        HttpRequest.newBuilder(rpc())
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      String answer =
          HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
      int at = answer.indexOf("\"result\":");
      if (at < 0) {
        throw new IllegalStateException(method + " failed: " + answer);
      }
      String result = answer.substring(at + 9, answer.lastIndexOf('}')).trim();
      return result;
    } catch (IOException e) {
      throw new IllegalStateException(method + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Writes dev account {@code index}'s key to a key file and returns it. */
  public Path keyFile(int index) {
    Path f = dir.resolve("account-" + index + ".key");
    try {
      Files.writeString(f, "0x" + KEYS.get(index) + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }

  /** Stops anvil gracefully (it writes its state file on exit). */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    kill(process, false);
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill(process, true);
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException("anvil did not stop within 15 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops anvil and starts it again on the same port from its saved state. */
  public void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill(process, true);
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Signals the process and any children (SIGTERM, or SIGKILL when {@code forcibly}). */
  private static void kill(Process p, boolean forcibly) {
    p.descendants()
        .forEach(
            h -> {
              if (forcibly) {
                h.destroyForcibly();
              } else {
                h.destroy();
              }
            });
    if (forcibly) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
  }
}
