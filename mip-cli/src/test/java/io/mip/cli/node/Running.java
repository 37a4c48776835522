package io.mip.cli.node;

import io.mip.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** A mip command running on its own thread with captured output; interrupt stops it. */
final class Running implements AutoCloseable {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final AtomicInteger exit = new AtomicInteger(-1);
  final Thread thread;

  Running(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exit.set(cmd.execute(args)), "mip-under-test");
    thread.start();
  }

  String awaitOutput(String contains, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      String s = out.toString();
      if (s.contains(contains)) {
        return s;
      }
      if (!thread.isAlive()) {
        throw new AssertionError("command ended: " + exit.get() + "\n" + s + err);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + contains + "' within " + timeout + ":\n" + out + err);
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
