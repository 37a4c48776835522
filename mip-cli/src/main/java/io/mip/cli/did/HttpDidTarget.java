package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.did.ResolutionOptions;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DidTarget} that talks to a running node's HTTP API (docs/http-api.md). */
final class HttpDidTarget implements DidTarget {
  private static final String PROBLEMS = "https://mip.io/problems/";
  private static final int MAX_RESPONSE = 8 * 1024 * 1024;

  private final URI base;
  private final HttpClient client;

  HttpDidTarget(URI base) {
    String scheme = base.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || base.getHost() == null) {
      throw CliFailure.usage("--node must be an http(s) URL, got " + base);
    }
    this.base = base;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public Admission submit(Operation op) {
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(uri("/ledger/operations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(op.canonicalBytes()))
                .build());
    JsonNode body = json(r);
    if (r.statusCode() == 201) {
      return Admission.accepted(receipt(body));
    }
    String type = body.path("type").asText("");
    if (r.statusCode() >= 400 && r.statusCode() < 500 && type.startsWith(PROBLEMS)) {
      String code = type.substring(PROBLEMS.length());
      if (code.equals("duplicate-operation")) {
        return Admission.duplicate(receipt(body.path("receipt")));
      }
      return Admission.rejected(rejection(code, body.path("detail").asText("")));
    }
    throw CliFailure.io("node " + base + " answered " + r.statusCode() + " to a submission");
  }

  @Override
  public JsonNode resolve(String did, String versionTime, String versionId) {
    StringBuilder path = new StringBuilder("/1.0/identifiers/").append(did);
    String sep = "?";
    if (versionTime != null) {
      path.append(sep).append("versionTime=").append(enc(versionTime));
      sep = "&";
    }
    if (versionId != null) {
      path.append(sep).append("versionId=").append(enc(versionId));
    }
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(uri(path.toString()))
                .header("Accept", "application/did-resolution+json")
                .GET()
                .build());
    JsonNode body = json(r);
    if (!body.has("didResolutionMetadata")) {
      throw CliFailure.io(
          "node " + base + " answered " + r.statusCode() + ": " + body.path("detail").asText());
    }
    return body;
  }

  @Override
  public Optional<DidMipState> state(String did) {
    HttpResponse<byte[]> r =
        send(HttpRequest.newBuilder(uri("/ledger/streams/" + did)).GET().build());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw CliFailure.io("node " + base + " answered " + r.statusCode() + " reading " + did);
    }
    List<LedgerEntry> entries = new ArrayList<>();
    for (JsonNode e : json(r).path("entries")) {
      try {
        entries.add(
            new LedgerEntry(Operation.fromJson(e.get("operation")), receipt(e.get("receipt"))));
      } catch (MalformedOperationException | IllegalArgumentException ex) {
        throw CliFailure.io("node " + base + " sent a malformed ledger entry: " + ex.getMessage());
      }
    }
    return DidMipState.replay(did, entries, ResolutionOptions.latest());
  }

  @Override
  public String describe() {
    return base.toString();
  }

  @Override
  public void close() {
    // java.net.http.HttpClient in Java 17 has nothing to release
  }

  private URI uri(String path) {
    String b = base.toString();
    try {
      return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("cannot build a request URL for " + path);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(60)).build();
    try {
      HttpResponse<byte[]> r = client.send(timed, HttpResponse.BodyHandlers.ofByteArray());
      if (r.body().length > MAX_RESPONSE) {
        throw CliFailure.io("node " + base + " sent more than " + MAX_RESPONSE + " bytes");
      }
      return r;
    } catch (IOException e) {
      throw CliFailure.io("node unreachable at " + base + " (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.io("interrupted while talking to " + base);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private JsonNode json(HttpResponse<byte[]> r) {
    try {
      JsonNode node = Operation.json().readTree(r.body());
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw CliFailure.io("node " + base + " sent a non-JSON answer (HTTP " + r.statusCode() + ")");
    }
  }

  private Receipt receipt(JsonNode json) {
    try {
      return new Receipt(
          new OperationId(json.path("id").asText()),
          json.path("sequence").asLong(),
          json.path("blockHeight").asLong(),
          Instant.parse(json.path("time").asText()));
    } catch (RuntimeException e) {
      throw CliFailure.io("node " + base + " sent a malformed receipt");
    }
  }

  private static Rejection rejection(String code, String detail) {
    for (Rejection.Reason reason : Rejection.Reason.values()) {
      if (reason != Rejection.Reason.POLICY && reason.code().equals(code)) {
        return Rejection.of(reason, detail);
      }
    }
    return Rejection.policy(code, detail);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
