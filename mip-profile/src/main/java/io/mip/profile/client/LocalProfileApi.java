package io.mip.profile.client;

import io.mip.ledger.LedgerEntry;
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
import io.mip.profile.internal.Checks;
import io.mip.profile.service.ConsentService;
import io.mip.profile.service.ProfileResult;
import io.mip.profile.service.ProfileService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The profile API of services in the same process, for a caller whose identity the process has
 * already established (a wallet running its own node, the CLI on a local data directory, tests). No
 * request signing happens here; use {@link HttpProfileApi} across a trust boundary.
 */
public final class LocalProfileApi implements ProfileApi {
  private final ProfileService profiles;
  private final ConsentService consents;
  private final String caller;

  /** Creates the API for {@code caller}. */
  public LocalProfileApi(ProfileService profiles, ConsentService consents, String caller) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.caller = Checks.did(caller, "caller");
  }

  @Override
  public String caller() {
    return caller;
  }

  @Override
  public ProfileResult<Set<String>> recipients(String owner, Category category) {
    return profiles.recipients(caller, owner, category);
  }

  @Override
  public ProfileResult<RecordMetadata> deposit(Deposit deposit) {
    return profiles.deposit(caller, deposit);
  }

  @Override
  public ProfileResult<List<RecordListing>> listOwn() {
    return profiles.listOwn(caller);
  }

  @Override
  public ProfileResult<List<RecordListing>> listGranted(String owner) {
    return profiles.listGranted(caller, owner);
  }

  @Override
  public ProfileResult<ServedRecord> fetch(RecordId id) {
    return profiles.fetch(caller, id);
  }

  @Override
  public ProfileResult<RecordId> deleteRecord(RecordId id) {
    return profiles.deleteRecord(caller, id);
  }

  @Override
  public ProfileResult<Integer> eraseProfile() {
    return profiles.eraseProfile(caller);
  }

  @Override
  public ProfileResult<InclusionProof> proof(RecordId id) {
    return profiles.proof(caller, id);
  }

  @Override
  public ProfileResult<Optional<OperationId>> consentHead() {
    return consents.consentHead(caller);
  }

  @Override
  public ProfileResult<StoredGrant> grant(
      ConsentGrant grant, Operation operation, List<RecordKey> keys) {
    return consents.grant(caller, grant, operation, keys);
  }

  @Override
  public ProfileResult<StoredGrant> revoke(String grantId, Operation operation) {
    return consents.revoke(caller, grantId, operation);
  }

  @Override
  public ProfileResult<List<StoredGrant>> grants() {
    return consents.grants(caller);
  }

  @Override
  public ProfileResult<List<AccessLogEntry>> accessLog(long afterSeq, int limit) {
    return consents.accessLog(caller, afterSeq, limit);
  }

  @Override
  public ProfileResult<InclusionProof> accessProof(long seq) {
    return consents.accessProof(caller, seq);
  }

  @Override
  public Optional<Operation> ledgerOperation(OperationId id) {
    return consents.ledgerEntry(id).map(LedgerEntry::operation);
  }
}
