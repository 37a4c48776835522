package io.mip.node.oidc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.SecretFiles;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approvals people gave apps, remembered per person and app in {@code <data>/oidc/approvals.json}
 * (written atomically, mode 600: it links people to the apps they use; one node process owns its
 * data directory). A remembered approval lets a later sign-in that asks for no more skip the
 * consent page; face and PIN are still required. Revoking deletes it. Holds DIDs, app DIDs and
 * scope names, never claim values.
 */
public final class ApprovalStore {
  /** Most remembered approvals kept. */
  public static final int CAPACITY = 100_000;

  /**
   * One remembered approval.
   *
   * @param person the person's DID
   * @param clientId the app's DID
   * @param scopes the approved scope values
   * @param approvedAt when
   * @param profileGrants ids of the Smart Profile grants made with it
   */
  public record Approval(
      String person,
      String clientId,
      List<String> scopes,
      Instant approvedAt,
      List<String> profileGrants) {
    /** Copies. */
    public Approval {
      scopes = List.copyOf(scopes);
      profileGrants = List.copyOf(profileGrants);
    }
  }

  private final Path file;
  private final Map<String, Approval> approvals = new LinkedHashMap<>();

  private ApprovalStore(Path file) {
    this.file = file;
  }

  /**
   * Opens the store in {@code file}, reading what is there.
   *
   * @throws UncheckedIOException if the file exists but cannot be read or parsed
   */
  public static ApprovalStore open(Path file) {
    ApprovalStore s = new ApprovalStore(file);
    if (Files.exists(file)) {
      try {
        JsonNode root = Operation.json().readTree(Files.readAllBytes(file));
        for (JsonNode a : root.path("approvals")) {
          Approval ap =
              new Approval(
                  a.path("person").asText(),
                  a.path("client").asText(),
                  strings(a.path("scopes")),
                  Instant.parse(a.path("approvedAt").asText()),
                  strings(a.path("profileGrants")));
          s.approvals.put(key(ap.person(), ap.clientId()), ap);
        }
      } catch (IOException | RuntimeException e) {
        throw new UncheckedIOException(
            new IOException("approvals file " + file + " is unreadable: " + e.getMessage()));
      }
    }
    return s;
  }

  /** Returns the approval {@code person} gave {@code clientId}, if remembered. */
  public synchronized Optional<Approval> find(String person, String clientId) {
    return Optional.ofNullable(approvals.get(key(person, clientId)));
  }

  /** Returns every approval {@code person} gave, oldest first. */
  public synchronized List<Approval> byPerson(String person) {
    return approvals.values().stream().filter(a -> a.person().equals(person)).toList();
  }

  /**
   * Remembers (or replaces) an approval; returns false when the store is full. Approving the same
   * scopes again with no new profile grant keeps the first approval (and its time) and writes
   * nothing.
   */
  public synchronized boolean remember(Approval a) {
    String k = key(a.person(), a.clientId());
    Approval old = approvals.get(k);
    if (old != null && old.scopes().equals(a.scopes()) && a.profileGrants().isEmpty()) {
      return true;
    }
    if (old == null && approvals.size() >= CAPACITY) {
      return false;
    }
    approvals.remove(k);
    approvals.put(k, a);
    save();
    return true;
  }

  /** Forgets the approval; returns it if there was one. */
  public synchronized Optional<Approval> revoke(String person, String clientId) {
    Approval a = approvals.remove(key(person, clientId));
    if (a != null) {
      save();
    }
    return Optional.ofNullable(a);
  }

  private void save() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("v", 1);
    ArrayNode list = root.putArray("approvals");
    for (Approval a : approvals.values()) {
      ObjectNode o = list.addObject();
      o.put("person", a.person());
      o.put("client", a.clientId());
      a.scopes().forEach(o.putArray("scopes")::add);
      o.put("approvedAt", a.approvedAt().toString());
      ArrayNode g = o.putArray("profileGrants");
      a.profileGrants().forEach(g::add);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      SecretFiles.replace(file, Operation.json().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("approvals file " + file + " could not be written", e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String key(String person, String clientId) {
    return person + "\n" + clientId;
  }
}
