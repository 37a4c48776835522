package io.mip.credential.registry;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trusted-issuer registry as of a replay of its stream. Operations not signed by the governance
 * key, with a bad signature, on another stream, or with a malformed payload are dropped, so every
 * ledger backend yields the same state. Immutable.
 */
public final class RegistryState {
  /** One change of an issuer's accreditation; empty types mean withdrawn. */
  private record Event(Instant time, Set<String> types) {}

  private final Map<String, List<Event>> events;

  private RegistryState(Map<String, List<Event>> events) {
    this.events = events;
  }

  /** Replays ledger entries (with their receipt times) in order. */
  public static RegistryState replay(List<LedgerEntry> entries, Ed25519PublicKey governance) {
    Map<String, List<Event>> events = new HashMap<>();
    for (LedgerEntry e : entries) {
      apply(events, e.operation(), e.receipt().time(), governance);
    }
    return new RegistryState(freeze(events));
  }

  /** Replays bare operations (no times: only {@link #current} is meaningful). */
  public static RegistryState replayOperations(List<Operation> ops, Ed25519PublicKey governance) {
    Map<String, List<Event>> events = new HashMap<>();
    for (Operation op : ops) {
      apply(events, op, Instant.EPOCH, governance);
    }
    return new RegistryState(freeze(events));
  }

  private static void apply(
      Map<String, List<Event>> events, Operation op, Instant time, Ed25519PublicKey governance) {
    if (!RegistryOperations.STREAM.equals(op.stream())
        || !governance.equals(op.signer())
        || !op.signatureValid()) {
      return;
    }
    RegistryOperations.parse(op.type(), op.payload())
        .ifPresent(
            c -> {
              List<Event> list = events.computeIfAbsent(c.issuer(), k -> new ArrayList<>());
              if (c.withdraw() && (list.isEmpty() || last(list).types().isEmpty())) {
                return; // withdrawing nothing: refused at admission, ignored on replay
              }
              list.add(new Event(time, c.types()));
            });
  }

  private static Map<String, List<Event>> freeze(Map<String, List<Event>> events) {
    Map<String, List<Event>> out = new HashMap<>();
    events.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  private static Event last(List<Event> list) {
    return list.get(list.size() - 1);
  }

  /** Returns the credential types {@code issuer} is accredited for now; empty if none. */
  public Optional<Set<String>> current(String issuer) {
    List<Event> list = events.getOrDefault(issuer, List.of());
    if (list.isEmpty() || last(list).types().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(last(list).types());
  }

  /**
   * Returns the types {@code issuer} was accredited for at {@code time}. Times compare at whole
   * seconds, the resolution of a JWT {@code iat}: a type counts if it was accredited at any moment
   * of that second (an accreditation and a withdrawal in the same second both count as "at").
   */
  public Set<String> typesAt(String issuer, Instant time) {
    long second = time.getEpochSecond();
    Set<String> before = Set.of();
    Set<String> during = new java.util.HashSet<>();
    for (Event e : events.getOrDefault(issuer, List.of())) {
      long s = e.time().getEpochSecond();
      if (s < second) {
        before = e.types();
      } else if (s == second) {
        during.addAll(e.types());
      } else {
        break;
      }
    }
    during.addAll(before);
    return Set.copyOf(during);
  }

  /**
   * Answers "was {@code issuer} accredited for {@code type} at {@code issuedAt}, and is it still".
   */
  public AccreditationCheck check(String issuer, String type, Instant issuedAt) {
    if (!typesAt(issuer, issuedAt).contains(type)) {
      return new AccreditationCheck(
          AccreditationCheck.Status.NOT_ACCREDITED,
          "issuer was not accredited for " + type + " at " + issuedAt);
    }
    if (!current(issuer).map(t -> t.contains(type)).orElse(false)) {
      return new AccreditationCheck(
          AccreditationCheck.Status.WITHDRAWN, "issuer's accreditation for " + type + " withdrawn");
    }
    return new AccreditationCheck(AccreditationCheck.Status.ACCREDITED, "ok");
  }

  /** Returns every currently accredited issuer with its types, sorted by DID. */
  public Map<String, Set<String>> accredited() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String issuer : events.keySet()) {
      current(issuer).ifPresent(t -> out.put(issuer, t));
    }
    return out;
  }
}
