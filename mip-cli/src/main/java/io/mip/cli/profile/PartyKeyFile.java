package io.mip.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads the current keys of a DID from the key file {@code mip did create} writes ({@code {"did",
 * "current": {"signingSeed", "agreementSecret", ...}}}, docs/cli.md), read-only. Refuses files over
 * 64 KiB, readable by group or others, or whose public keys do not match the secrets. Key bytes
 * never appear in messages.
 *
 * @param did the DID
 * @param signing its current signing key
 * @param agreement its current key-agreement key
 */
record PartyKeyFile(String did, Ed25519PrivateKey signing, X25519PrivateKey agreement) {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** The default file of {@code did}: {@code ~/.mip/keys/<method-specific-id>.json}. */
  static Path defaultPath(Path keysDir, String did) {
    return keysDir.resolve(did.substring(did.lastIndexOf(':') + 1) + ".json");
  }

  static PartyKeyFile read(Path file, String expectedDid) {
    byte[] bytes = new byte[0];
    byte[] seed = new byte[0];
    byte[] secret = new byte[0];
    try {
      if (Files.size(file) > 64 * 1024) {
        throw CliFailure.io("key file " + file + " is larger than 64 KiB");
      }
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
          && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
        throw CliFailure.io("key file " + file + " is accessible to group or others; chmod 600");
      }
      bytes = Files.readAllBytes(file);
      JsonNode json = Operation.json().readTree(bytes);
      String did = json.path("did").asText("");
      if (expectedDid != null && !expectedDid.equals(did)) {
        throw CliFailure.usage("key file " + file + " is for " + did + ", not " + expectedDid);
      }
      JsonNode current = json.path("current");
      seed = Base64Url.decode(current.path("signingSeed").asText(""));
      secret = Base64Url.decode(current.path("agreementSecret").asText(""));
      Ed25519PrivateKey signing = Ed25519PrivateKey.fromSeed(seed);
      X25519PrivateKey agreement = X25519PrivateKey.fromBytes(secret);
      if (!signing.publicKey().toMultibase().equals(current.path("signingKey").asText())
          || !agreement.publicKey().toMultibase().equals(current.path("agreementKey").asText())) {
        throw CliFailure.io("key file " + file + ": public keys do not match the secrets");
      }
      return new PartyKeyFile(did, signing, agreement);
    } catch (IOException e) {
      throw CliFailure.io("cannot read key file " + file + ": " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      throw CliFailure.io("key file " + file + " is malformed");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }
}
