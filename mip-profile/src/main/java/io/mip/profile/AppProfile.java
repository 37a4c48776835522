package io.mip.profile;

import io.mip.crypto.X25519PrivateKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.profile.RecordOpening.OpenedRecord;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.client.ProfileApi;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.service.ProfileResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An app's side of the Smart Profile (the SDK's {@code ProfileClient} wraps it): deposits records
 * for a person, sealed to the person's key-agreement key and to every app the node names as holding
 * a live include-future grant for the category; lists and reads the records a person granted.
 *
 * <p>Security guarantees: every key-agreement key comes from {@link PartyKeys} (DID resolution),
 * never from the node, so a node cannot substitute its own key to read a deposit. The node can only
 * choose which granted apps are named, which the person's grants bound.
 */
public final class AppProfile {
  private final ProfileApi api;
  private final ProfileReader reader;
  private final PartyKeys keys;

  /**
   * Creates the app's view.
   *
   * @param api the node's API, calling as the app
   * @param agreementKey the app's X25519 key-agreement key (opens records shared with it)
   * @param keys DID key lookup for the person's and other apps' key-agreement keys
   */
  public AppProfile(ProfileApi api, X25519PrivateKey agreementKey, PartyKeys keys) {
    this.api = Objects.requireNonNull(api, "api");
    this.reader = new ProfileReader(api.caller(), agreementKey);
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Returns the app's DID. */
  public String did() {
    return api.caller();
  }

  /**
   * Seals and deposits a record for {@code person}. If a grant appears between asking for
   * recipients and depositing, the node answers {@code stale-recipients} and this method asks
   * again, up to three times.
   */
  public ProfileResult<RecordMetadata> deposit(String person, RecordEnvelope envelope) {
    if (envelope.toBytes().length > RecordEnvelope.MAX_BYTES) {
      return ProfileResult.refused(Reason.RECORD_TOO_LARGE, "record is larger than 1 MiB");
    }
    Optional<X25519PublicKey> personKey = keys.agreementKey(person);
    if (personKey.isEmpty()) {
      return ProfileResult.refused(Reason.UNKNOWN_PERSON, person + " has no key-agreement key");
    }
    ProfileResult<RecordMetadata> last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      ProfileResult<Set<String>> apps = api.recipients(person, envelope.category());
      if (!apps.isOk()) {
        return ProfileResult.refused(apps.refusal());
      }
      Map<String, X25519PublicKey> alsoTo = new LinkedHashMap<>();
      for (String app : apps.value()) {
        Optional<X25519PublicKey> k = keys.agreementKey(app);
        if (k.isPresent()) {
          alsoTo.put(app, k.get());
        }
      }
      Deposit d = RecordSealer.seal(envelope, person, personKey.get(), did(), alsoTo);
      last = api.deposit(d);
      if (last.isOk() || last.refusal().reason() != Reason.STALE_RECIPIENTS) {
        return last;
      }
    }
    return last;
  }

  /** Lists {@code person}'s records this app may read now (metadata only). */
  public ProfileResult<List<RecordMetadata>> readable(String person) {
    return api.listGranted(person).map(l -> l.stream().map(RecordListing::metadata).toList());
  }

  /** Fetches and opens one record (the node logs the read in the person's access log). */
  public ProfileResult<RecordOpening> read(RecordId id) {
    return api.fetch(id).map(s -> reader.open(s.metadata(), s.ciphertext(), s.key()));
  }

  /** Reads every record of {@code person} this app may read now; skips ones that do not open. */
  public ProfileResult<List<OpenedRecord>> readAll(String person) {
    ProfileResult<List<RecordMetadata>> listed = readable(person);
    if (!listed.isOk()) {
      return ProfileResult.refused(listed.refusal());
    }
    List<OpenedRecord> out = new ArrayList<>();
    for (RecordMetadata m : listed.value()) {
      ProfileResult<RecordOpening> r = read(m.id());
      if (!r.isOk()) {
        return ProfileResult.refused(r.refusal());
      }
      r.value().record().ifPresent(out::add);
    }
    return ProfileResult.ok(out);
  }
}
