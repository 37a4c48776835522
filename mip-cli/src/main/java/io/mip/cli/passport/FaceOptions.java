package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import io.mip.face.FaceEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every face-and-PIN command shares: {@code --face IMG...} and the PIN from {@code
 * --pin-stdin} (the first line of standard input) or {@code --pin-file F} (the first line of F).
 */
final class FaceOptions {
  @Option(
      names = "--face",
      paramLabel = "IMG",
      description = "A photo of the face (JPEG, PNG, BMP, GIF, WebP); repeat for several captures.")
  List<Path> faces = new ArrayList<>();

  @Option(
      names = "--pin-stdin",
      description = "Read the PIN from the first line of standard input.")
  boolean pinStdin;

  @Option(
      names = "--pin-file",
      paramLabel = "F",
      description = "Read the PIN from the first line of file F (instead of --pin-stdin).")
  Path pinFile;

  /** Reads every image file, refusing files larger than the engine accepts. */
  List<byte[]> images() {
    List<byte[]> out = new ArrayList<>();
    for (Path p : faces) {
      try (InputStream in = Files.newInputStream(p)) {
        byte[] b = in.readNBytes((int) FaceEngine.MAX_BYTES + 1);
        if (b.length > FaceEngine.MAX_BYTES) {
          throw new CliFailure(
              PassportExit.UNREADABLE_IMAGE,
              p + " is larger than " + FaceEngine.MAX_BYTES + " bytes");
        }
        out.add(b);
      } catch (NoSuchFileException e) {
        throw CliFailure.usage("no such image file: " + p);
      } catch (IOException e) {
        throw CliFailure.io("cannot read " + p + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** Reads the PIN from stdin or the PIN file; refuses without exactly one of them. */
  char[] pin() {
    if (pinStdin && pinFile != null) {
      throw CliFailure.usage("give the PIN with --pin-stdin or --pin-file, not both");
    }
    if (pinFile != null) {
      try (InputStream in = Files.newInputStream(pinFile)) {
        return PinInput.read(in);
      } catch (NoSuchFileException e) {
        throw CliFailure.usage("no such PIN file: " + pinFile);
      } catch (IOException e) {
        throw CliFailure.io("cannot read the PIN file " + pinFile);
      }
    }
    if (!pinStdin) {
      throw CliFailure.usage("give the PIN on standard input with --pin-stdin (or --pin-file F)");
    }
    return PinInput.read(System.in);
  }

  /** Refuses fewer than {@code min} images. */
  void requireAtLeast(int min) {
    if (faces.size() < min) {
      throw CliFailure.usage("give at least " + min + " --face images");
    }
  }
}
