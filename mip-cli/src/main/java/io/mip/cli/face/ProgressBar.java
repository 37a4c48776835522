package io.mip.cli.face;

import io.mip.face.eval.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with carriage returns, at most every 100 ms and on each
 * whole percent, so a slow terminal is not flooded.
 */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private long lastDraw;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public synchronized void progress(int done, int total) {
    int percent = total <= 0 ? 100 : (int) Math.min(100, 100L * done / total);
    long now = System.nanoTime();
    if (percent == lastPercent && now - lastDraw < 100_000_000L) {
      return;
    }
    lastPercent = percent;
    lastDraw = now;
    int filled = percent * WIDTH / 100;
    err.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + percent
            + " % ("
            + done
            + "/"
            + total
            + ")");
    err.flush();
  }

  /** Ends the line. */
  synchronized void finish() {
    err.println();
    err.flush();
  }
}
