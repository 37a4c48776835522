package io.mip.ledger.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Jcs;
import io.mip.crypto.SecretFiles;
import io.mip.crypto.SecretKeyAccess;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ed25519 private key files: a JSON Web Key (RFC 8037 section 2: {@code kty "OKP"}, {@code crv
 * "Ed25519"}, {@code d} the base64url seed, {@code x} the public key) readable by its owner only.
 *
 * <p>Guarantees: {@link #writeKeyFile} creates the file with mode 600 (on POSIX file systems),
 * synced to disk, and never replaces an existing file (through {@link SecretFiles}). {@link
 * #readKeyFile} refuses a file that group or others may access, one larger than 4 KiB, one whose
 * {@code x} does not match {@code d}, and anything that is not such a JWK. Key bytes never appear
 * in exception messages.
 */
public final class KeyFiles {
  private static final int MAX_BYTES = 4096;

  private KeyFiles() {}

  /**
   * Reads an Ed25519 private key file.
   *
   * @throws IOException if the file cannot be read, is not an Ed25519 JWK, or is not private to its
   *     owner; the message names the problem, never the key
   */
  public static Ed25519PrivateKey readKeyFile(Path file) throws IOException {
    byte[] bytes = SecretFiles.read(file, MAX_BYTES, "key file");
    byte[] seed = null;
    try {
      JsonNode jwk;
      try {
        jwk = Operation.json().readTree(bytes);
      } catch (JsonProcessingException e) {
        // Jackson's message quotes the input, which would put key bytes in logs.
        throw new IOException("key file " + file + " is not valid JSON");
      }
      if (jwk == null
          || !"OKP".equals(jwk.path("kty").asText())
          || !"Ed25519".equals(jwk.path("crv").asText())
          || !jwk.path("d").isTextual()) {
        throw new IOException("key file " + file + " is not an Ed25519 JWK (RFC 8037)");
      }
      seed = Base64Url.decode(jwk.get("d").textValue());
      Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
      JsonNode x = jwk.get("x");
      if (x != null && !Base64Url.encode(key.publicKey().toBytes()).equals(x.asText())) {
        throw new IOException("key file " + file + ": public key x does not match d");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IOException("key file " + file + " holds a malformed key");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }

  /**
   * Writes {@code key} to a new file, private to its owner, synced before it appears under its
   * name.
   *
   * @throws FileAlreadyExistsException if {@code file} exists
   * @throws IOException if it cannot be written
   */
  public static void writeKeyFile(Path file, Ed25519PrivateKey key) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    byte[] seed = key.exportSeed(SecretKeyAccess.insecureSecretAccess());
    ObjectNode jwk = JsonNodeFactory.instance.objectNode();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64Url.encode(key.publicKey().toBytes()));
    jwk.put("d", Base64Url.encode(seed));
    byte[] bytes = Jcs.canonicalize(jwk);
    try {
      SecretFiles.writeNew(file, bytes);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
