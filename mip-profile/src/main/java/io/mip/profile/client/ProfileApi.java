package io.mip.profile.client;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.Category;
import io.mip.profile.Deposit;
import io.mip.profile.RecordId;
import io.mip.profile.RecordKey;
import io.mip.profile.RecordListing;
import io.mip.profile.RecordMetadata;
import io.mip.profile.ServedRecord;
import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.anchor.InclusionProof;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node's profile API as one caller (a person or an app) sees it. Implementations: {@link
 * HttpProfileApi} (signed HTTP requests to a node) and {@link LocalProfileApi} (the services in the
 * same process). Expected refusals come back as {@link ProfileResult} values with the node's stable
 * codes; I/O failures throw {@link ProfileTransportException}.
 */
public interface ProfileApi {
  /** Returns the caller's DID. */
  String caller();

  /** Apps a deposit for {@code owner} in {@code category} must also wrap its key to. */
  ProfileResult<Set<String>> recipients(String owner, Category category);

  /** Deposits a sealed record (caller: the depositing app). */
  ProfileResult<RecordMetadata> deposit(Deposit deposit);

  /** Lists the caller's own records (caller: a person). */
  ProfileResult<List<RecordListing>> listOwn();

  /** Lists {@code owner}'s records the caller may read now (caller: an app). */
  ProfileResult<List<RecordListing>> listGranted(String owner);

  /** Fetches one record (the owner, or an app under a live grant; the read is logged). */
  ProfileResult<ServedRecord> fetch(RecordId id);

  /** Deletes one of the caller's records (ciphertext and every wrapped key). */
  ProfileResult<RecordId> deleteRecord(RecordId id);

  /** Erases the caller's whole profile; returns how many records were erased. */
  ProfileResult<Integer> eraseProfile();

  /** Returns a record's inclusion proof (its owner or depositor). */
  ProfileResult<InclusionProof> proof(RecordId id);

  /** Returns the head of the caller's consent stream. */
  ProfileResult<Optional<OperationId>> consentHead();

  /** Submits a grant with the content keys re-wrapped to the app. */
  ProfileResult<StoredGrant> grant(ConsentGrant grant, Operation operation, List<RecordKey> keys);

  /** Submits a revocation. */
  ProfileResult<StoredGrant> revoke(String grantId, Operation operation);

  /** Lists the caller's grants. */
  ProfileResult<List<StoredGrant>> grants();

  /** Reads the caller's access log after {@code afterSeq}. */
  ProfileResult<List<AccessLogEntry>> accessLog(long afterSeq, int limit);

  /** Returns the inclusion proof of access log entry {@code seq}. */
  ProfileResult<InclusionProof> accessProof(long seq);

  /** Returns a ledger operation by id, if the ledger holds it. */
  Optional<Operation> ledgerOperation(OperationId id);
}
