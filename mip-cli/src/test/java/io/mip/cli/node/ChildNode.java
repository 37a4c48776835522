package io.mip.cli.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code mip serve} in a child JVM, on a free port, with its output collected. */
final class ChildNode implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final String url;

  private ChildNode(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts {@code mip serve --data data --port 0} and waits until it listens. */
  static ChildNode start(Path data) throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add("io.mip.cli.Main");
    cmd.addAll(List.of("serve", "--data", data.toString(), "--port", "0"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuffer out = new StringBuffer();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  out.append(line).append('\n');
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
                url.complete(null);
              } catch (IOException e) {
                url.complete(null);
              }
            },
            "child-node-output");
    reader.setDaemon(true);
    reader.start();
    String found;
    try {
      found = url.get(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      found = null;
    }
    if (found == null) {
      p.destroyForcibly();
      throw new IllegalStateException("child node did not start:\n" + out);
    }
    ChildNode node = new ChildNode(p, found);
    node.output.append(out);
    return node;
  }

  String url() {
    return url;
  }

  /** SIGKILL: no shutdown hook, no clean close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
