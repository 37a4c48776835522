package io.mip.profile.store;

import io.mip.ledger.OperationId;
import io.mip.profile.RecordKey;
import io.mip.profile.consent.StoredGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consent grants as admitted to the ledger. Part of a {@link ProfileStore}. */
public interface GrantStore {
  /**
   * Adds a grant and the wrapped keys uploaded with it, atomically; returns false (and changes
   * nothing) if a grant with that id exists.
   */
  boolean add(StoredGrant grant, List<RecordKey> keys);

  /** Returns a grant by id. */
  Optional<StoredGrant> find(String id);

  /** Returns a person's grants, oldest first. */
  List<StoredGrant> byOwner(String owner);

  /** Returns a person's grants to one app, oldest first. */
  List<StoredGrant> byOwnerAndApp(String owner, String app);

  /** Marks a grant ended at {@code at}; returns false if it was already ended or is unknown. */
  boolean end(String id, Instant at, Optional<OperationId> revokeOperation);
}
