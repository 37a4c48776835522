package io.mip.wallet.passport.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.did.ResolutionOptions;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.Receipt;
import io.mip.profile.auth.RequestSigner;
import io.mip.wallet.internal.JsonFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wallet's side of a node's passport backup routes (docs/http-api.md, "Passport backups"), over
 * {@code java.net.http}. Answers are values: the node's result or its RFC 9457 refusal ({@link
 * NodeAnswer}); an unreachable node or an answer that is not JSON is an {@link
 * UncheckedIOException}. Responses larger than {@link #MAX_RESPONSE} are refused.
 *
 * <p>Thread-safe.
 */
public final class BackupClient {
  /** Largest response read (a backup's public part is about 1.4 MB). */
  public static final int MAX_RESPONSE = 4 * 1024 * 1024;

  private static final String PROBLEMS = "https://mip.io/problems/";

  private final URI base;
  private final HttpClient http;
  private volatile String audience;

  /**
   * A client of the node at {@code node}.
   *
   * @throws IllegalArgumentException if it is not an http(s) URL with a host
   */
  public BackupClient(URI node) {
    Objects.requireNonNull(node, "node");
    String scheme = node.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || node.getHost() == null) {
      throw new IllegalArgumentException("the node must be an http(s) URL, got " + node);
    }
    String s = node.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Returns the node's base URL. */
  public URI node() {
    return base;
  }

  /** Returns the node's audience string for signed requests ({@code GET /passport-backups}). */
  public String audience() {
    String a = audience;
    if (a == null) {
      NodeAnswer<JsonNode> info = exchange(get("/passport-backups"));
      if (!info.isOk() || !info.value().path("audience").isTextual()) {
        throw io("node " + base + " does not serve passport backups");
      }
      a = info.value().get("audience").textValue();
      audience = a;
    }
    return a;
  }

  /** Uploads a backup; the value is {@code true} when it replaced an earlier one. */
  public NodeAnswer<Boolean> upload(BackupUpload upload, RequestSigner didKey) {
    String target = path(upload.backup().did());
    byte[] body = upload.toBytes();
    HttpRequest req =
        request(target)
            .header("Content-Type", "application/json")
            .header("Authorization", didKey.authorization(audience(), "PUT", target, body))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return exchange(req).map(r -> r.path("replaced").asBoolean(false));
  }

  /** Fetches the public part of {@code did}'s backup. */
  public NodeAnswer<PassportBackup> fetch(String did) {
    return exchange(get(path(did))).map(PassportBackup::fromJson);
  }

  /** Asks for a restore challenge for {@code did}'s backup. */
  public NodeAnswer<RestoreChallenge> challenge(String did) {
    HttpRequest req =
        request(path(did) + "/challenge").POST(HttpRequest.BodyPublishers.noBody()).build();
    return exchange(req).map(RestoreChallenge::fromJson);
  }

  /** Answers a challenge; the value is the sealed seed. */
  public NodeAnswer<byte[]> restore(String did, RestoreRequest answer) {
    HttpRequest req =
        request(path(did) + "/restore")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(answer.toBytes()))
            .build();
    return exchange(req).map(r -> JsonFields.bytes(r.path("seed"), "sealed", 0, MAX_RESPONSE));
  }

  /** Deletes {@code did}'s backup with a request signed by the DID's key. */
  public NodeAnswer<Boolean> delete(String did, RequestSigner didKey) {
    String target = path(did);
    HttpRequest req =
        request(target)
            .header(
                "Authorization", didKey.authorization(audience(), "DELETE", target, new byte[0]))
            .DELETE()
            .build();
    return exchange(req).map(r -> true);
  }

  /**
   * Returns the DID's latest state, replayed here from its ledger stream as the node serves it
   * (every operation's signature is checked; the node can withhold operations, not forge them).
   */
  public Optional<DidMipState> didState(String did) {
    NodeAnswer<JsonNode> r = exchange(get("/ledger/streams/" + did));
    if (!r.isOk()) {
      if (r.refusal().status() == 404) {
        return Optional.empty();
      }
      throw io("node " + base + " answered " + r.refusal().status() + " reading " + did);
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (JsonNode e : r.value().path("entries")) {
      try {
        JsonNode rc = e.path("receipt");
        entries.add(
            new LedgerEntry(
                Operation.fromJson(e.get("operation")),
                new Receipt(
                    new OperationId(rc.path("id").asText()),
                    rc.path("sequence").asLong(),
                    rc.path("blockHeight").asLong(),
                    Instant.parse(rc.path("time").asText()))));
      } catch (MalformedOperationException | RuntimeException ex) {
        throw io("node " + base + " sent a malformed ledger entry");
      }
    }
    return DidMipState.replay(did, entries, ResolutionOptions.latest());
  }

  private static String path(String did) {
    if (did == null || did.length() > 200 || !DidMipOperations.isValidDid(did)) {
      throw new IllegalArgumentException("not a did:mip DID");
    }
    return "/passport-backups/" + did;
  }

  private HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(URI.create(base + target))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
  }

  private HttpRequest get(String target) {
    return request(target).GET().build();
  }

  private NodeAnswer<JsonNode> exchange(HttpRequest req) {
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("node unreachable at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw io("interrupted while talking to " + base);
    }
    byte[] raw = resp.body();
    int status = resp.statusCode();
    if (raw.length > MAX_RESPONSE) {
      throw io("node " + base + " sent more than " + MAX_RESPONSE + " bytes");
    }
    if (status == 204) {
      return NodeAnswer.ok(JsonFields.mapper().createObjectNode());
    }
    JsonNode json;
    try {
      json = JsonFields.parseObject(raw, "the node's answer");
    } catch (IllegalArgumentException e) {
      throw io("node " + base + " answered " + status + " without JSON");
    }
    if (status >= 200 && status < 300) {
      return NodeAnswer.ok(json);
    }
    String type = json.path("type").asText("");
    String code = type.startsWith(PROBLEMS) ? type.substring(PROBLEMS.length()) : "http-" + status;
    Duration retry =
        resp.headers().firstValue("Retry-After").map(BackupClient::seconds).orElse(Duration.ZERO);
    return NodeAnswer.refused(
        new NodeAnswer.Refusal(status, code, json.path("detail").asText(""), retry));
  }

  private static Duration seconds(String header) {
    try {
      long s = Long.parseLong(header.trim());
      return s > 0 && s < 400 * 86_400L ? Duration.ofSeconds(s) : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  private static UncheckedIOException io(String message) {
    return new UncheckedIOException(message, new IOException(message));
  }
}
