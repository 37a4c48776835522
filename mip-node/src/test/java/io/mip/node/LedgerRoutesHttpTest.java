package io.mip.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.Rejection;
import io.mip.ledger.embedded.EmbeddedLedger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRoutesHttpTest {
  private static final String P = "https://mip.io/problems/";
  @TempDir Path data;
  private MipNode node;
  private Http http;
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();

  @BeforeEach
  void start() {
    var frozen =
        new io.mip.ledger.OperationPolicy() {
          @Override
          public boolean appliesTo(String type) {
            return type.equals("test.frozen");
          }

          @Override
          public Optional<Rejection> check(Operation op, io.mip.ledger.StreamView stream) {
            return Optional.of(Rejection.policy("stream-frozen", "stream is frozen"));
          }
        };
    node =
        new MipNode(EmbeddedLedger.open(data, List.of(frozen)), TestResolvers.keyOnly(), "embedded")
            .start(0);
    http = new Http(node.localUri());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Operation op(String type, String stream, Operation prev) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("n", 1);
    return Operation.sign(type, stream, prev == null ? null : prev.id(), payload, key);
  }

  private HttpResponse<String> submit(Operation op) {
    return http.post("/ledger/operations", "application/json", op.toJson().toString().getBytes());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode body = Http.json(r);
    assertThat(body.path("type").asText()).isEqualTo(P + code);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(body.path("instance").asText()).startsWith("/");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void submit_newOperation_201WithReceiptAndReadable() {
    Operation op = op("test.create", "s1", null);

    HttpResponse<String> r = submit(op);

    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/ledger/operations/" + op.id());
    JsonNode receipt = Http.json(r);
    assertThat(receipt.path("id").asText()).isEqualTo(op.id().value());
    assertThat(receipt.path("sequence").asLong()).isEqualTo(1);
    JsonNode entry = Http.json(http.get("/ledger/operations/" + op.id()));
    assertThat(entry.path("operation")).isEqualTo(op.toJson());
    JsonNode stream = Http.json(http.get("/ledger/streams/s1"));
    assertThat(stream.path("entries")).hasSize(1);
    JsonNode head = Http.json(http.get("/ledger/head"));
    assertThat(head.path("size").asLong()).isEqualTo(1);
    JsonNode block = Http.json(http.get("/ledger/blocks/" + receipt.path("blockHeight").asLong()));
    assertThat(block.path("operations").get(0).asText()).isEqualTo(op.id().value());
  }

  @Test
  void submit_duplicate_409WithOriginalReceipt() {
    Operation op = op("test.create", "s1", null);
    JsonNode original = Http.json(submit(op));

    HttpResponse<String> r = submit(op);

    assertProblem(r, 409, "duplicate-operation");
    assertThat(Http.json(r).path("receipt")).isEqualTo(original);
  }

  @Test
  void submit_replayedUpdate_409BrokenChain() {
    Operation first = op("test.create", "s1", null);
    submit(first);
    submit(op("test.update", "s1", first));

    HttpResponse<String> r = submit(op("test.other", "s1", first));

    assertProblem(r, 409, "broken-chain");
  }

  @Test
  void submit_badSignature_400BadSignature() {
    ObjectNode json = op("test.create", "s1", null).toJson();
    json.put("stream", "s2");

    HttpResponse<String> r =
        http.post("/ledger/operations", "application/json", json.toString().getBytes());

    assertProblem(r, 400, "bad-signature");
    assertThat(Http.json(http.get("/ledger/head")).path("size").asLong()).isZero();
  }

  @Test
  void submit_policyRejection_422WithPolicyCode() {
    assertProblem(submit(op("test.frozen", "s1", null)), 422, "stream-frozen");
  }

  @Test
  void submit_invalidJson_400InvalidJson() {
    assertProblem(http.postJson("/ledger/operations", "{\"v\":1,"), 400, "invalid-json");
    assertProblem(http.postJson("/ledger/operations", ""), 400, "invalid-json");
    assertProblem(http.postJson("/ledger/operations", "{\"a\":1,\"a\":2}"), 400, "invalid-json");
  }

  @Test
  void submit_structurallyWrong_400MalformedOperation() {
    assertProblem(
        http.postJson("/ledger/operations", "{\"v\":1,\"type\":\"x\"}"),
        400,
        "malformed-operation");
    assertProblem(http.postJson("/ledger/operations", "[1,2]"), 400, "malformed-operation");
  }

  @Test
  void submit_oversizedBody_413() {
    byte[] big = new byte[Operation.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    assertProblem(http.post("/ledger/operations", "application/json", big), 413, "body-too-large");
    assertThat(Http.json(http.get("/ledger/head")).path("size").asLong()).isZero();
  }

  @Test
  void submit_oversizedChunkedBody_413() {
    byte[] big = new byte[Operation.MAX_BYTES + 100];
    java.util.Arrays.fill(big, (byte) ' ');

    assertProblem(http.postChunked("/ledger/operations", big), 413, "body-too-large");
  }

  @Test
  void submit_chunkedOperation_201() {
    Operation op = op("test.create", "s1", null);

    assertThat(http.postChunked("/ledger/operations", op.canonicalBytes()).statusCode())
        .isEqualTo(201);
  }

  @Test
  void get_malformedUri_400ProblemFromJetty() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", node.port())) {
      s.getOutputStream()
          .write("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).contains("application/problem+json").contains(P + "bad-request");
    }
  }

  @Test
  void submit_wrongContentType_415() {
    byte[] body = op("test.create", "s1", null).toJson().toString().getBytes();

    assertProblem(
        http.post("/ledger/operations", "text/plain", body), 415, "unsupported-media-type");
    assertProblem(http.post("/ledger/operations", null, body), 415, "unsupported-media-type");
  }

  @Test
  void get_unknownThings_404WithOwnTypes() {
    assertProblem(http.get("/ledger/operations/" + "B".repeat(43)), 404, "operation-not-found");
    assertProblem(http.get("/ledger/streams/nothing"), 404, "stream-not-found");
    assertProblem(http.get("/ledger/blocks/99"), 404, "block-not-found");
    assertProblem(http.get("/no/such/route"), 404, "not-found");
  }

  @Test
  void get_malformedParameters_400InvalidParameter() {
    assertProblem(http.get("/ledger/operations/short"), 400, "invalid-parameter");
    assertProblem(http.get("/ledger/blocks/-1"), 400, "invalid-parameter");
    assertProblem(http.get("/ledger/blocks/abc"), 400, "invalid-parameter");
  }

  @Test
  void wrongMethod_405ProblemWithAllow() {
    HttpResponse<String> r = http.method("DELETE", "/ledger/head");

    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.headers().firstValue("Allow"))
        .hasValueSatisfying(a -> assertThat(a).contains("GET"));
  }
}
