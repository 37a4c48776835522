package io.mip.sdk.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.profile.AppProfile;
import io.mip.profile.Category;
import io.mip.profile.RecordEnvelope;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.RecordOpening;
import io.mip.profile.RecordOpening.OpenedRecord;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.HttpProfileApi;
import io.mip.profile.client.ProfileApi;
import io.mip.profile.service.ProfileResult;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The app's client for a person's Smart Profile on a MIP node.
 *
 * <p>Deposit: builds the record envelope {@code {category, schema, content}}, encrypts it under a
 * fresh 256-bit content key (AES-256-GCM, the record's label as associated data), wraps the key
 * with HPKE (RFC 9180) to the person's key-agreement key from their DID document and to every app
 * the node names as holding a live include-future grant, and deposits the ciphertext. Read: fetches
 * a record under the person's grant and opens it with the app's X25519 key. Every request is signed
 * with the app's DID key ({@code Authorization: MIP <token>}, docs/profile.md).
 *
 * <pre>{@code
 * ProfileClient clinic = ProfileClient.connect(nodeUri, clinicDid, signingKey, agreementKey,
 *     new NodeDidKeys(nodeUri));
 * clinic.deposit(personDid, "health.visit", "https://schemas.example/visit/v1", content);
 * }</pre>
 *
 * <p>Refusals (no grant, revoked, expired, too large, ...) are {@link ProfileResult} values with
 * the node's stable codes; I/O failures throw {@code ProfileTransportException}.
 */
public final class ProfileClient {
  private final AppProfile app;

  /**
   * Creates a client over any profile API.
   *
   * @param api the node's API calling as the app
   * @param agreementKey the app's X25519 key-agreement private key
   * @param keys where DID key-agreement keys are looked up
   */
  public ProfileClient(ProfileApi api, X25519PrivateKey agreementKey, PartyKeys keys) {
    this.app = new AppProfile(api, agreementKey, keys);
  }

  /**
   * Connects to a node over HTTP as the app {@code appDid}.
   *
   * @param node the node's base URI
   * @param appDid the app's DID (registered with {@link #registration})
   * @param signingKey the app DID's current signing key
   * @param agreementKey the app DID's X25519 key-agreement key
   * @param keys DID key lookup, for example {@link NodeDidKeys}
   */
  public static ProfileClient connect(
      URI node,
      String appDid,
      Ed25519PrivateKey signingKey,
      X25519PrivateKey agreementKey,
      PartyKeys keys) {
    Objects.requireNonNull(node, "node");
    RequestSigner signer = new RequestSigner(appDid, signingKey, Clock.systemUTC());
    return new ProfileClient(new HttpProfileApi(node, signer), agreementKey, keys);
  }

  /**
   * Returns the signed {@code app.register} operation that makes {@code appDid} a party; submit it
   * with {@code POST /ledger/operations} once.
   */
  public static Operation registration(
      String appDid, String name, List<String> redirectUris, Ed25519PrivateKey signingKey) {
    return AppOperations.register(new AppRegistration(appDid, name, redirectUris), signingKey);
  }

  /** Returns the app's DID. */
  public String did() {
    return app.did();
  }

  /** Encrypts and deposits a record for {@code person}. */
  public ProfileResult<RecordMetadata> deposit(
      String person, String category, String schema, JsonNode content) {
    return deposit(person, new RecordEnvelope(new Category(category), schema, content));
  }

  /** Encrypts and deposits a record for {@code person}. */
  public ProfileResult<RecordMetadata> deposit(String person, RecordEnvelope record) {
    return app.deposit(person, record);
  }

  /** Lists {@code person}'s records this app may read now. */
  public ProfileResult<List<RecordMetadata>> readable(String person) {
    return app.readable(person);
  }

  /** Reads one record (the person's access log records the read). */
  public ProfileResult<RecordOpening> read(RecordId id) {
    return app.read(id);
  }

  /** Reads every record of {@code person} this app may read now. */
  public ProfileResult<List<OpenedRecord>> readAll(String person) {
    return app.readAll(person);
  }
}
