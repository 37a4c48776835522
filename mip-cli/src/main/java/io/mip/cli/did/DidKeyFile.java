package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.crypto.SecretFiles;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CLI's local key file for one DID: {@code {"did", "current", "pending"?, "previous": [...]}},
 * each entry a {@link KeySet}. The one reader and writer of the format (docs/cli.md): the did, kyc,
 * credential, profile, consent and app commands all read their keys through it. A rotation first
 * records the new keys as {@code pending}, then submits, then promotes them to {@code current} and
 * moves the old ones to {@code previous}; so a crash between the two never loses the key the ledger
 * expects.
 *
 * <p>Guarantees: files are written atomically (temp file, fsync, rename) with mode 600 in a
 * directory created with mode 700 (POSIX), and read, through {@link SecretFiles}. Refuses to read a
 * file larger than {@value #MAX_BYTES} bytes, one group or others can access, or one whose public
 * keys do not match its secrets. Key bytes never appear in messages.
 *
 * @param did the DID the keys control
 * @param current the keys the ledger holds for the DID
 * @param pending keys of a rotation submitted but not yet confirmed
 * @param previous retired keys, oldest first
 */
public record DidKeyFile(
    String did, KeySet current, Optional<KeySet> pending, List<KeySet> previous) {
  static final int MAX_BYTES = 64 * 1024;

  public DidKeyFile {
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(pending, "pending");
    previous = List.copyOf(previous);
  }

  /** A new DID's file. */
  static DidKeyFile of(String did, KeySet keys) {
    return new DidKeyFile(did, keys, Optional.empty(), List.of());
  }

  /** The default file for {@code did}: {@code <keysDir>/<method-specific-id>.json}. */
  public static Path defaultPath(Path keysDir, String did) {
    String id = did.substring(did.lastIndexOf(':') + 1);
    return keysDir.resolve(id + ".json");
  }

  /** The default directory of key files: {@code ~/.mip/keys}. */
  public static Path defaultKeysDir() {
    return Path.of(System.getProperty("user.home"), ".mip", "keys");
  }

  /**
   * Reads {@code file} for a command. A file that cannot be read, is too large, is accessible to
   * group or others or is malformed ends the command with exit 3; one for another DID than {@code
   * did} (when not null) with exit 2.
   */
  public static DidKeyFile load(Path file, String did) {
    DidKeyFile keys;
    try {
      keys = read(file);
    } catch (IOException e) {
      throw CliFailure.io("cannot read key file: " + e.getMessage());
    }
    if (did != null && !keys.did().equals(did)) {
      throw CliFailure.usage("key file " + file + " is for " + keys.did() + ", not " + did);
    }
    return keys;
  }

  DidKeyFile withPending(KeySet next) {
    return new DidKeyFile(did, current, Optional.of(next), previous);
  }

  DidKeyFile withoutPending() {
    return new DidKeyFile(did, current, Optional.empty(), previous);
  }

  /** Makes the pending keys current, retiring the current ones. */
  DidKeyFile promotePending() {
    KeySet next = pending.orElseThrow(() -> new IllegalStateException("no pending keys"));
    List<KeySet> older = new ArrayList<>(previous);
    older.add(current.retiredAt(Instant.now()));
    return new DidKeyFile(did, next, Optional.empty(), older);
  }

  /**
   * Reads and checks a key file.
   *
   * @throws IOException if it cannot be read, is too large, is readable by others, or is malformed
   */
  static DidKeyFile read(Path file) throws IOException {
    byte[] bytes = SecretFiles.read(file, MAX_BYTES, "key file");
    try {
      JsonNode json = Operation.json().readTree(bytes);
      String did = json.path("did").asText("");
      if (!did.startsWith("did:")) {
        throw new IOException("key file " + file + " names no DID");
      }
      Optional<KeySet> pending =
          json.hasNonNull("pending")
              ? Optional.of(KeySet.fromJson(json.get("pending")))
              : Optional.empty();
      List<KeySet> previous = new ArrayList<>();
      for (JsonNode p : json.path("previous")) {
        previous.add(KeySet.fromJson(p));
      }
      return new DidKeyFile(did, KeySet.fromJson(json.get("current")), pending, previous);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("key file " + file + " is malformed: " + safe(e));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Writes the file atomically, private to its owner, replacing an older version. */
  void write(Path file) throws IOException {
    SecretFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
    byte[] bytes = Operation.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson());
    try {
      SecretFiles.replace(file, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("did", did);
    json.set("current", current.toJson());
    pending.ifPresent(p -> json.set("pending", p.toJson()));
    ArrayNode old = json.putArray("previous");
    previous.forEach(p -> old.add(p.toJson()));
    return json;
  }

  private static String safe(Exception e) {
    return e instanceof IllegalArgumentException ? e.getMessage() : "not valid JSON";
  }
}
