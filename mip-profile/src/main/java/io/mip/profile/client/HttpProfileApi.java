package io.mip.profile.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.ledger.MalformedOperationException;
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
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import io.mip.profile.service.ProfileResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile API of a node over HTTP (routes in docs/profile.md): every request carries {@code
 * Authorization: MIP <token>} from a {@link RequestSigner}, bound to its method, target and body.
 * Problem responses (RFC 9457) come back as refusals with the node's codes.
 */
public final class HttpProfileApi implements ProfileApi {
  private final HttpTransport http;
  private final String caller;

  /**
   * Creates the API for a node.
   *
   * @param node the node's base URI, such as {@code http://127.0.0.1:8080}
   * @param signer signs each request as the caller
   */
  public HttpProfileApi(URI node, RequestSigner signer) {
    this(
        node,
        signer,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build());
  }

  /** As above with a given HTTP client. */
  public HttpProfileApi(URI node, RequestSigner signer, HttpClient client) {
    Objects.requireNonNull(signer, "signer");
    this.http = new HttpTransport(node, signer, client);
    this.caller = signer.did();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String caller() {
    return caller;
  }

  @Override
  public ProfileResult<Set<String>> recipients(String owner, Category category) {
    return http.send(
            "GET",
            "/profile/recipients?owner=" + q(owner) + "&category=" + q(category.value()),
            null)
        .map(
            n -> {
              Set<String> apps = new TreeSet<>();
              ProfileJson.array(n, "apps", 1000).forEach(a -> apps.add(a.asText()));
              return apps;
            });
  }

  @Override
  public ProfileResult<RecordMetadata> deposit(Deposit deposit) {
    return http.send("POST", "/profile/records", ProfileJson.deposit(deposit))
        .map(ProfileJson::metadata);
  }

  @Override
  public ProfileResult<List<RecordListing>> listOwn() {
    return http.send("GET", "/profile/records", null).map(HttpProfileApi::listings);
  }

  @Override
  public ProfileResult<List<RecordListing>> listGranted(String owner) {
    return http.send("GET", "/profile/records?owner=" + q(owner), null)
        .map(HttpProfileApi::listings);
  }

  private static List<RecordListing> listings(JsonNode n) {
    List<RecordListing> out = new ArrayList<>();
    ProfileJson.array(n, "records", 1_000_000).forEach(r -> out.add(ProfileJson.listing(r)));
    return out;
  }

  @Override
  public ProfileResult<ServedRecord> fetch(RecordId id) {
    return http.send("GET", "/profile/records/" + id.value(), null).map(ProfileJson::served);
  }

  @Override
  public ProfileResult<RecordId> deleteRecord(RecordId id) {
    return http.send("DELETE", "/profile/records/" + id.value(), null)
        .map(n -> new RecordId(ProfileJson.text(n, "deleted")));
  }

  @Override
  public ProfileResult<Integer> eraseProfile() {
    return http.send("DELETE", "/profile", null).map(n -> n.path("erased").asInt());
  }

  @Override
  public ProfileResult<InclusionProof> proof(RecordId id) {
    return http.send("GET", "/profile/records/" + id.value() + "/proof", null)
        .map(InclusionProof::fromJson);
  }

  @Override
  public ProfileResult<Optional<OperationId>> consentHead() {
    return http.send("GET", "/profile/consent/head", null)
        .map(
            n ->
                n.path("head").isTextual()
                    ? Optional.of(new OperationId(n.get("head").textValue()))
                    : Optional.empty());
  }

  @Override
  public ProfileResult<StoredGrant> grant(
      ConsentGrant grant, Operation operation, List<RecordKey> keys) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("grant", grant.toJson());
    body.set("operation", operation.toJson());
    var arr = body.putArray("keys");
    keys.forEach(k -> arr.add(ProfileJson.recordKey(k)));
    return http.send("POST", "/profile/grants", body).map(ProfileJson::grant);
  }

  @Override
  public ProfileResult<StoredGrant> revoke(String grantId, Operation operation) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("operation", operation.toJson());
    return http.send("POST", "/profile/grants/" + grantId + "/revoke", body)
        .map(ProfileJson::grant);
  }

  @Override
  public ProfileResult<List<StoredGrant>> grants() {
    return http.send("GET", "/profile/grants", null)
        .map(
            n -> {
              List<StoredGrant> out = new ArrayList<>();
              ProfileJson.array(n, "grants", 100_000).forEach(g -> out.add(ProfileJson.grant(g)));
              return out;
            });
  }

  @Override
  public ProfileResult<List<AccessLogEntry>> accessLog(long afterSeq, int limit) {
    return http.send("GET", "/profile/access-log?after=" + afterSeq + "&limit=" + limit, null)
        .map(
            n -> {
              List<AccessLogEntry> out = new ArrayList<>();
              ProfileJson.array(n, "entries", 1000)
                  .forEach(e -> out.add(AccessLogEntry.fromJson(e)));
              return out;
            });
  }

  @Override
  public ProfileResult<InclusionProof> accessProof(long seq) {
    return http.send("GET", "/profile/access-log/" + seq + "/proof", null)
        .map(InclusionProof::fromJson);
  }

  @Override
  public Optional<Operation> ledgerOperation(OperationId id) {
    ProfileResult<JsonNode> r = http.sendUnsigned("/ledger/operations/" + id.value());
    if (!r.isOk()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Operation.fromJson(r.value().path("operation")));
    } catch (MalformedOperationException e) {
      return Optional.empty();
    }
  }
}
