package io.mip.cli.passport;

import io.mip.cli.Cli;
import io.mip.face.TestModels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code mip} with a PIN on standard input, and finds the shared face photos. */
final class Pins {
  private Pins() {}

  /** Runs {@code mip args...} with {@code stdin} as standard input. */
  static synchronized Cli.Result run(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * Runs {@code mip passport create} for Alice (three photos of deepface/img1, img2, img4) with
   * {@code pin}, writing {@code wallet}, on the node at {@code node}.
   */
  static Cli.Result createPassport(String pin, Path wallet, String node) {
    return run(
        pin + "\n",
        "passport",
        "create",
        "--face",
        face("deepface/img1.jpg"),
        "--face",
        face("deepface/img2.jpg"),
        "--face",
        face("deepface/img4.jpg"),
        "--pin-stdin",
        "--wallet",
        wallet.toString(),
        "--node",
        node);
  }

  /** Returns the path of a photo in ../shared/faces, skipping the test without it. */
  static String face(String relative) {
    return TestModels.faces().resolve(relative).toString();
  }
}
