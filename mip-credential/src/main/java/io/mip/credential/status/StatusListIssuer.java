package io.mip.credential.status;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.Map;
import java.util.Objects;

/**
 * The issuer's side of one status list: creates it on the ledger, hands out indexes at random
 * (draft-ietf-oauth-status-list section 12.5 recommends random assignment against correlation), and
 * publishes revocation, suspension and reinstatement as {@code status.set} operations signed with
 * the issuer's DID key. Allocated indexes are persisted in {@code allocationFile} (a bit set,
 * replaced atomically) so a restart never hands out an index twice. Thread-safe.
 */
public final class StatusListIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ledger ledger;
  private final StatusListId id;
  private final Ed25519PrivateKey key;
  private final int size;
  private final int bits;
  private final Path allocationFile;
  private final BitSet allocated;

  /**
   * @param ledger where the list is published
   * @param id the list
   * @param key the issuer's current DID signing key
   * @param size entries
   * @param bits bits per entry (2 to allow suspension)
   * @param allocationFile where allocated indexes are kept
   */
  public StatusListIssuer(
      Ledger ledger,
      StatusListId id,
      Ed25519PrivateKey key,
      int size,
      int bits,
      Path allocationFile) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.id = Objects.requireNonNull(id, "id");
    this.key = Objects.requireNonNull(key, "key");
    StatusList.create(size, bits);
    this.size = size;
    this.bits = bits;
    this.allocationFile = Objects.requireNonNull(allocationFile, "allocationFile");
    try {
      this.allocated =
          Files.exists(allocationFile)
              ? BitSet.valueOf(Files.readAllBytes(allocationFile))
              : new BitSet(size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + allocationFile, e);
    }
  }

  /** Returns the list id. */
  public StatusListId id() {
    return id;
  }

  /** Creates the list on the ledger if its stream is empty; returns the admission or null. */
  public synchronized Admission ensureCreated() {
    if (ledger.head(id.stream()).isPresent()) {
      return null;
    }
    return ledger.submit(StatusListOperations.create(id, size, bits, key));
  }

  /**
   * Allocates a random unused index and persists the allocation before returning it.
   *
   * @throws IllegalStateException when the list is full
   */
  public synchronized int allocate() {
    if (allocated.cardinality() >= size) {
      throw new IllegalStateException("status list " + id.listId() + " is full");
    }
    int idx;
    do {
      idx = RANDOM.nextInt(size);
    } while (allocated.get(idx));
    allocated.set(idx);
    persist();
    return idx;
  }

  private void persist() {
    try {
      Path tmp = allocationFile.resolveSibling(allocationFile.getFileName() + ".tmp");
      Files.createDirectories(allocationFile.toAbsolutePath().getParent());
      Files.write(tmp, allocated.toByteArray());
      Files.move(
          tmp, allocationFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist status allocations", e);
    }
  }

  /** Publishes a status for one index. */
  public synchronized Admission setStatus(int index, TokenStatus status) {
    ensureCreated();
    Operation op =
        StatusListOperations.set(
            id,
            ledger.head(id.stream()).map(LedgerEntry::operation).map(Operation::id).orElse(null),
            Map.of(index, status),
            key);
    return ledger.submit(op);
  }

  /** Revokes (INVALID, permanent by convention). */
  public Admission revoke(int index) {
    return setStatus(index, TokenStatus.INVALID);
  }

  /** Suspends. */
  public Admission suspend(int index) {
    return setStatus(index, TokenStatus.SUSPENDED);
  }

  /** Lifts a suspension (back to VALID). */
  public Admission unsuspend(int index) {
    return setStatus(index, TokenStatus.VALID);
  }
}
