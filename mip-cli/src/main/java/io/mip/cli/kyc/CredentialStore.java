package io.mip.cli.kyc;

import io.mip.cli.CliFailure;
import io.mip.credential.sdjwt.Disclosure;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.crypto.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CLI's credential folder (default {@code ~/.mip/credentials}, mode 700): one file {@code
 * <id>.sd-jwt} (mode 600, written atomically by {@link SecretFiles}) per credential, id = the first
 * 16 characters of the sha-256 digest of the issuer-signed JWT. The wallet keeps credentials its
 * own way; this is for the command line.
 */
final class CredentialStore {
  private final Path dir;

  CredentialStore(Path dir) {
    this.dir = dir != null ? dir : Path.of(System.getProperty("user.home"), ".mip", "credentials");
  }

  static String idOf(SdJwt credential) {
    return Disclosure.digestOf(credential.issuerSignedJwt()).substring(0, 16);
  }

  String save(SdJwt credential) {
    String id = idOf(credential);
    try {
      SecretFiles.createPrivateDirectories(dir);
      SecretFiles.replace(
          dir.resolve(id + ".sd-jwt"), credential.serialize().getBytes(StandardCharsets.US_ASCII));
      return id;
    } catch (IOException e) {
      throw CliFailure.io("cannot write credential to " + dir + ": " + e.getMessage());
    }
  }

  SdJwt load(String idOrFile) {
    Path file =
        Files.isRegularFile(Path.of(idOrFile))
            ? Path.of(idOrFile)
            : dir.resolve(idOrFile + ".sd-jwt");
    try {
      return SdJwt.parse(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw CliFailure.io("no credential " + idOrFile + " in " + dir);
    } catch (IllegalArgumentException e) {
      throw CliFailure.refused("credential " + idOrFile + " is malformed: " + e.getMessage());
    }
  }

  List<Path> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".sd-jwt")).sorted().toList());
    } catch (IOException e) {
      throw CliFailure.io("cannot list " + dir);
    }
  }
}
