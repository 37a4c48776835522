package io.mip.profile.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.ledger.Operation;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.service.ProfileRefusal;
import io.mip.profile.service.ProfileResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends signed JSON requests to a node and turns responses into results. */
final class HttpTransport {
  private static final int MAX_RESPONSE = 8 * 1024 * 1024;

  private final URI base;
  private final RequestSigner signer;
  private final HttpClient client;
  private volatile String audience;

  HttpTransport(URI node, RequestSigner signer, HttpClient client) {
    String s = node.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.signer = signer;
    this.client = client;
  }

  private String audience() {
    String a = audience;
    if (a == null) {
      ProfileResult<JsonNode> info = sendUnsigned("/profile/info");
      if (!info.isOk() || !info.value().path("audience").isTextual()) {
        throw new ProfileTransportException("node does not serve /profile/info", null);
      }
      a = info.value().get("audience").textValue();
      audience = a;
    }
    return a;
  }

  ProfileResult<JsonNode> sendUnsigned(String target) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + target))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return exchange(req);
  }

  ProfileResult<JsonNode> send(String method, String target, JsonNode body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : Operation.json().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + target))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", signer.authorization(audience(), method, target, bytes))
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes));
    return exchange(b.build());
  }

  private ProfileResult<JsonNode> exchange(HttpRequest req) {
    HttpResponse<byte[]> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ProfileTransportException("node unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileTransportException("interrupted", e);
    }
    byte[] raw = resp.body();
    if (raw.length > MAX_RESPONSE) {
      throw new ProfileTransportException("response larger than 8 MiB", null);
    }
    JsonNode json;
    try {
      json = raw.length == 0 ? null : ProfileJson.mapper().readTree(raw);
    } catch (IOException e) {
      throw new ProfileTransportException(
          "node answered " + resp.statusCode() + " without JSON", e);
    }
    int status = resp.statusCode();
    if (status >= 200 && status < 300 && json != null) {
      return ProfileResult.ok(json);
    }
    if (json != null && json.path("type").isTextual()) {
      String type = json.get("type").textValue();
      String code = type.substring(type.lastIndexOf('/') + 1);
      return ProfileResult.refused(
          ProfileRefusal.fromProblem(code, status, json.path("detail").asText("")));
    }
    throw new ProfileTransportException(
        "node answered " + status + " without a problem body", null);
  }
}
