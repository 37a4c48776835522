package io.mip.node.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.mip.credential.CredentialPolicies;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.mrz.MrzParser;
import io.mip.credential.registry.RegistryOperations;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.CompositeDidResolver;
import io.mip.did.DidResolver;
import io.mip.did.key.DidKeyResolver;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.embedded.KeyFiles;
import io.mip.node.internal.http.ErrorHandling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KycRoutesTest {
  @TempDir Path dir;
  EmbeddedLedger ledger;
  DidResolver resolver;
  Javalin app;
  Ed25519PrivateKey governance;
  String issuerDid;
  Ed25519PrivateKey issuerKey;
  Ed25519PrivateKey holderKey;
  String holderDid;
  StatusListIssuer lists;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    AtomicReference<Ledger> lr = new AtomicReference<>();
    AtomicReference<DidResolver> rr = new AtomicReference<>();
    List<OperationPolicy> policies = new ArrayList<>(List.of(new DidMipPolicy()));
    policies.addAll(CredentialPolicies.create(lr::get, rr::get));
    ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    lr.set(ledger);
    resolver =
        new CompositeDidResolver(
            Map.of("mip", new DidMipResolver(ledger), "key", new DidKeyResolver()));
    rr.set(resolver);
    governance = KeyFiles.readKeyFile(dir.resolve("ledger/governance.key"));
    issuerKey = Ed25519PrivateKey.generate();
    issuerDid = createDid(issuerKey);
    holderKey = Ed25519PrivateKey.generate();
    holderDid = createDid(holderKey);
    lists =
        new StatusListIssuer(
            ledger, new StatusListId(issuerDid, "kyc-1"), issuerKey, 1024, 2, dir.resolve("a"));
    KycIssuer kyc =
        new KycIssuer(
            issuerDid + "#key-1",
            issuerKey,
            resolver,
            (s, d) -> new FaceVerdict(FaceVerdict.Outcome.MATCH, 0.9, "match"),
            lists,
            KycIssuer.Settings.defaults("http://127.0.0.1:8080"),
            Clock.systemUTC());
    app = Javalin.create(c -> c.showJavalinBanner = false);
    ErrorHandling.install(app);
    KycRoutes.register(app, ledger, resolver, () -> kyc);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    ledger.close();
  }

  String createDid(Ed25519PrivateKey key) {
    Operation op = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
    assertThat(ledger.submit(op).admitted()).isTrue();
    return DidMipOperations.didOf(op);
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

  static String td3() {
    String num = "L898902C3";
    String b =
        num
            + MrzParser.checkDigit(num)
            + "UTO740812"
            + MrzParser.checkDigit("740812")
            + "F391231"
            + MrzParser.checkDigit("391231")
            + "<".repeat(15);
    String composite = b.substring(0, 10) + b.substring(13, 20) + b.substring(21, 43);
    return "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + b + MrzParser.checkDigit(composite);
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
    JsonNode ch = json(post("/kyc/challenge", JsonNodeFactory.instance.objectNode()));
    Challenge c =
        new Challenge(
            ch.get("nonce").asText(),
            ch.get("issuer").asText(),
            Instant.parse(ch.get("expires_at").asText()));
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("proof", HolderProof.sign(c, holderDid + "#key-1", holderKey.signer(), Instant.now()));
    req.put("mrz", td3());
    req.put("document_photo", Base64.getEncoder().encodeToString(new byte[] {1, 2}));
    req.put("selfie", Base64.getEncoder().encodeToString(new byte[] {3, 4}));
    HttpResponse<String> issued = post("/kyc/issue", req);
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
    JsonNode ch = json(post("/kyc/challenge", JsonNodeFactory.instance.objectNode()));
    Challenge c =
        new Challenge(
            ch.get("nonce").asText(),
            ch.get("issuer").asText(),
            Instant.parse(ch.get("expires_at").asText()));
    ObjectNode req = JsonNodeFactory.instance.objectNode();
    req.put("proof", HolderProof.sign(c, holderDid + "#key-1", holderKey.signer(), Instant.now()));
    req.put("mrz", td3().replace("L898902C36", "L898902C35"));
    req.put("document_photo", "AQI=");
    req.put("selfie", "AwQ=");

    HttpResponse<String> r = post("/kyc/issue", req);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("type").asText()).isEqualTo("https://mip.io/problems/kyc-bad-mrz");
  }

  @Test
  void statusList_unknown_is404() throws Exception {
    assertThat(get("/status-lists/did:mip:z9nothing/kyc-1").statusCode()).isEqualTo(404);
  }
}
