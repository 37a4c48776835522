package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.SecretFiles;
import io.mip.ledger.Operation;
import io.mip.node.oidc.WalletPassports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The KYC credential kept beside a passport: {@code <name>.kyc.sd-jwt} next to {@code
 * <name>.passport} ({@link WalletPassports#KYC_SUFFIX}), where a node whose wallet folder holds the
 * passport finds it for "Sign in with MIP" (docs/oidc.md). Written atomically with mode 600.
 */
final class PassportCredential {
  private PassportCredential() {}

  /** Returns the credential file beside {@code passport}. */
  static Path fileFor(Path passport) {
    String name = passport.getFileName().toString();
    String stem =
        name.endsWith(WalletPassports.PASSPORT_SUFFIX)
            ? name.substring(0, name.length() - WalletPassports.PASSPORT_SUFFIX.length())
            : name;
    return passport.resolveSibling(stem + WalletPassports.KYC_SUFFIX);
  }

  /** Writes {@code credential} beside {@code passport}, replacing an earlier one; returns where. */
  static Path save(Path passport, SdJwt credential) {
    Path file = fileFor(passport);
    try {
      SecretFiles.replace(file, credential.serialize().getBytes(StandardCharsets.US_ASCII));
      return file;
    } catch (IOException e) {
      throw CliFailure.io("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Reads the credential beside {@code passport}; exit 2 when there is none, 1 when malformed. */
  static SdJwt load(Path passport) {
    Path file = fileFor(passport);
    byte[] bytes;
    try {
      bytes = SecretFiles.read(file, SdJwt.MAX_BYTES, "credential");
    } catch (NoSuchFileException e) {
      throw CliFailure.usage(
          "no credential beside the passport (" + file + "): get one with mip kyc issue");
    } catch (IOException e) {
      throw CliFailure.io("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return SdJwt.parse(new String(bytes, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw CliFailure.refused("credential " + file + " is malformed: " + e.getMessage());
    }
  }

  /**
   * Refuses (exit 1) a credential that is not bound ({@code cnf}) to {@code key}: a presentation
   * would never verify.
   */
  static void requireBoundTo(SdJwt credential, Ed25519PublicKey key, String did) {
    if (!holderKey(credential).map(key::equals).orElse(false)) {
      throw CliFailure.refused(
          "the credential is bound to another key than " + did + "'s current key");
    }
  }

  private static Optional<Ed25519PublicKey> holderKey(SdJwt credential) {
    String[] parts = credential.issuerSignedJwt().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode payload = Operation.json().readTree(Base64Url.decode(parts[1]));
      return HolderKeys.ed25519(payload.path("cnf").path("jwk"));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
