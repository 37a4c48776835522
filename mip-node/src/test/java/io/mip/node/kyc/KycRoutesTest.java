package io.mip.node.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.registry.RegistryOperations;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.status.StatusListIssuer;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.node.internal.http.ErrorHandling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KycRoutesTest {
  @TempDir Path dir;
  Testbed bed;
  Javalin app;
  Ed25519PrivateKey governance;
  String issuerDid;
  Ed25519PrivateKey holderKey;
  String holderDid;
  StatusListIssuer lists;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    bed = Testbed.open(dir.resolve("ledger"));
    governance = bed.governance();
    TestKycIssuer kyc =
        TestKycIssuer.create(bed, "kyc-1", dir.resolve("a"), "http://127.0.0.1:8080");
    issuerDid = kyc.party().did();
    Testbed.Party holder = bed.createDid();
    holderKey = holder.key();
    holderDid = holder.did();
    lists = kyc.statusList();
    app = Javalin.create(c -> c.showJavalinBanner = false);
    ErrorHandling.install(app);
    KycRoutes.register(app, bed.ledger(), bed.resolver(), kyc::kyc);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    bed.close();
  }

  HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Operation.json().readTree(r.body());
  }

  /**
   * A {@code POST /kyc/issue} body for a fresh challenge, signed by the holder, with {@code mrz}.
   */
  ObjectNode issueRequest(String mrz) throws Exception {
    JsonNode ch = json(post("/kyc/challenge", JsonNodeFactory.instance.objectNode()));
    Challenge c =
        new Challenge(
            ch.get("nonce").asText(),
            ch.get("issuer").asText(),
            Instant.parse(ch.get("expires_at").asText()));
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("proof", HolderProof.sign(c, holderDid + "#key-1", holderKey.signer(), Instant.now()));
    req.put("mrz", mrz);
    req.put("document_photo", Base64.getEncoder().encodeToString(new byte[] {1, 2}));
    req.put("selfie", Base64.getEncoder().encodeToString(new byte[] {3, 4}));
    return req;
  }

  @Test
  void kycFlow_overHttp_issuesACredentialThatVerifiesUntilRevoked() throws Exception {
    assertThat(
            post(
                    "/issuers/accredit",
                    RegistryOperations.accredit(
                            issuerDid, Set.of(KycCredential.VCT), null, governance)
                        .toJson())
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> issued = post("/kyc/issue", issueRequest(TestKycIssuer.SAMPLE_MRZ));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    SdJwt credential = SdJwt.parse(json(issued).get("credential").asText());
    int idx = json(issued).get("status_index").asInt();

    String p =
        SdJwt.present(
                credential, Set.of("age_over_18"), holderKey.signer(), "n", "a", Instant.now())
            .serialize();
    ObjectNode verify = JsonNodeFactory.instance.objectNode();
    verify.put("presentation", p);
    verify.put("nonce", "n");
    verify.put("audience", "a");
    JsonNode ok = json(post("/credentials/verify", verify));
    assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.at("/claims/age_over_18").asBoolean()).isTrue();

    lists.revoke(idx);
    JsonNode revoked = json(post("/credentials/verify", verify));
    assertThat(revoked.get("reason").asText()).isEqualTo("REVOKED");
    JsonNode list = json(get("/status-lists/" + issuerDid + "/kyc-1"));
    assertThat(list.at("/status_list/bits").asInt()).isEqualTo(2);
    assertThat(json(get("/status-lists/" + issuerDid + "/kyc-1/operations")).toString())
        .contains("status.set");
  }

  @Test
  void accredit_signedByNonGovernanceKey_is403NotGovernance() throws Exception {
    HttpResponse<String> r =
        post(
            "/issuers/accredit",
            RegistryOperations.accredit(
                    issuerDid, Set.of(KycCredential.VCT), null, Ed25519PrivateKey.generate())
                .toJson());

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).get("type").asText()).isEqualTo("https://mip.io/problems/not-governance");
  }

  @Test
  void issue_badMrz_is422KycBadMrz() throws Exception {
    ObjectNode req = issueRequest(TestKycIssuer.SAMPLE_MRZ.replace("L898902C36", "L898902C35"));

    HttpResponse<String> r = post("/kyc/issue", req);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("type").asText()).isEqualTo("https://mip.io/problems/kyc-bad-mrz");
  }

  @Test
  void statusList_unknown_is404() throws Exception {
    assertThat(get("/status-lists/did:mip:z9nothing/kyc-1").statusCode()).isEqualTo(404);
  }
}
